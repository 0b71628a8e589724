package dev.rulesync.model;

/** Which ruler a rule object belongs to; it decides the expression language. */
public enum RuleType {
    /** PromQL rules for Mimir. */
    METRICS("metrics"),
    /** LogQL rules for Loki. */
    LOGS("logs");

    private final String label;

    RuleType(String label) {
        this.label = label;
    }

    /** The value of the {@code type} label that selects this type. */
    public String label() {
        return label;
    }

    public static java.util.Optional<RuleType> fromLabel(String value) {
        for (RuleType t : values()) {
            if (t.label.equals(value)) return java.util.Optional.of(t);
        }
        return java.util.Optional.empty();
    }
}
