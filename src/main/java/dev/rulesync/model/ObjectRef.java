package dev.rulesync.model;

/**
 * Identity of one source object: a PrometheusRule ({@code kind} "PrometheusRule", with namespace, name and uid)
 * or a plain Prometheus rule file ({@code kind} "RuleFile", name = the file path, namespace and uid empty).
 */
public record ObjectRef(String kind, String namespace, String name, String uid, Position position) {

    public static final String PROMETHEUS_RULE = "PrometheusRule";
    public static final String RULE_FILE = "RuleFile";

    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
        uid = uid == null ? "" : uid;
        position = position == null ? Position.UNKNOWN : position;
    }

    /** {@code Kind(namespace/name)}, the form every log line and message uses. */
    @Override
    public String toString() {
        return kind + "(" + (namespace.isEmpty() ? name : namespace + "/" + name) + ")";
    }
}
