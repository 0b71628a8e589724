package dev.rulesync.validate.promql;

/** The type of a PromQL expression's result, as Prometheus names it (and documents it in error messages). */
public enum ValueType {
    NONE("none", "none"),
    SCALAR("scalar", "scalar"),
    VECTOR("vector", "instant vector"),
    MATRIX("matrix", "range vector"),
    STRING("string", "string");

    private final String internal;
    private final String documented;

    ValueType(String internal, String documented) {
        this.internal = internal;
        this.documented = documented;
    }

    /** Prometheus' internal name (vector, matrix, ...), used in a few messages and in the oracle's output. */
    public String internal() {
        return internal;
    }

    /** The documented name (instant vector, range vector, ...) used in most error messages. */
    public String documented() {
        return documented;
    }
}
