package dev.rulesync.source;

/** Names of the checks the source stage reports. */
public final class SourceChecks {

    /** The file is not valid YAML. */
    public static final String YAML_SYNTAX = "yaml/syntax";
    /** A mapping repeats a key. */
    public static final String YAML_DUPLICATE_KEY = "yaml/duplicate-key";
    /** Unknown field, wrong type, missing required field, or a document that is no rule object. */
    public static final String YAML_SCHEMA = "yaml/schema";
    /** A PrometheusRule's name, namespace, label or annotation key, or label value breaks Kubernetes' rules. */
    public static final String OBJECT_METADATA = "object/metadata";

    private SourceChecks() {
    }
}
