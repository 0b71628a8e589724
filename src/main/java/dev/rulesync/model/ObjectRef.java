package dev.rulesync.model;

/**
 * Identity of one source object: a PrometheusRule ({@code kind} "PrometheusRule", with namespace, name and uid)
 * or a plain Prometheus rule file ({@code kind} "RuleFile", name = the file's path, namespace and uid empty).
 * Only identity: where the object was read from ({@link RuleObject#at()}) is not part of it, so the same object
 * read again, from another place or in another run, is the same key in every map and set.
 */
public record ObjectRef(String kind, String namespace, String name, String uid) {

    public static final String PROMETHEUS_RULE = "PrometheusRule";
    public static final String RULE_FILE = "RuleFile";

    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
        uid = uid == null ? "" : uid;
    }

    /** {@code Kind(namespace/name)}, the form every log line and message uses. */
    @Override
    public String toString() {
        return kind + "(" + (namespace.isEmpty() ? name : namespace + "/" + name) + ")";
    }
}
