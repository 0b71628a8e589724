package dev.rulesync.validate;

import dev.rulesync.classify.Classifier;
import dev.rulesync.model.Severity;
import dev.rulesync.source.SourceChecks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every check rule-sync reports, by stable name. Names follow pint's style ({@code area/what}) so that people who
 * know pint can read them, and never change: users switch checks off by name.
 */
public final class Checks {

    // the source and classify stages report these; the names are defined there and listed here
    public static final String YAML_SYNTAX = SourceChecks.YAML_SYNTAX;
    public static final String YAML_DUPLICATE_KEY = SourceChecks.YAML_DUPLICATE_KEY;
    public static final String YAML_SCHEMA = SourceChecks.YAML_SCHEMA;
    public static final String OBJECT_METADATA = SourceChecks.OBJECT_METADATA;
    public static final String OBJECT_TENANT = Classifier.TENANT_CHECK;
    public static final String OBJECT_TYPE = Classifier.TYPE_CHECK;
    public static final String OBJECT_DISABLE = "object/disable";
    public static final String GROUP_NAME = "group/name";
    public static final String GROUP_INTERVAL = "group/interval";
    public static final String GROUP_SIZE = "group/size";
    public static final String GROUP_SOURCE_TENANTS = "group/source-tenants";
    public static final String GROUP_LABEL = "group/label";
    public static final String RULE_KIND = "rule/kind";
    public static final String RULE_EXPR = "rule/expr";
    public static final String RULE_RECORDING = "rule/recording";
    public static final String RULE_NAME = "rule/name";
    public static final String RULE_LABEL = "rule/label";
    public static final String RULE_ANNOTATION = "rule/annotation";
    public static final String RULE_DUPLICATE = "rule/duplicate";
    public static final String ALERTS_FOR = "alerts/for";
    public static final String ALERTS_TEMPLATE = "alerts/template";
    public static final String PROMQL_SYNTAX = "promql/syntax";
    public static final String LOGQL_SYNTAX = "logql/syntax";
    public static final String LOGQL_EVALUATION = "logql/evaluation";

    private static final Map<String, CheckInfo> ALL = new LinkedHashMap<>();

    static {
        add(YAML_SYNTAX, Severity.ERROR, "The file is not valid YAML.");
        add(YAML_DUPLICATE_KEY, Severity.ERROR, "A mapping repeats a key.");
        add(YAML_SCHEMA, Severity.ERROR, "An unknown field, a value of the wrong type, a missing required field, "
                + "or a document that is neither a PrometheusRule nor a rule file.");
        add(OBJECT_TENANT, Severity.ERROR, "The tenant label (or --tenant) is missing or not a valid Mimir/Loki org id.");
        add(OBJECT_TYPE, Severity.ERROR, "The type label (or --type) is missing or not `metrics` or `logs`.");
        add(OBJECT_METADATA, Severity.ERROR, "A PrometheusRule's name, namespace, label or annotation key, or label "
                + "value breaks Kubernetes' naming rules: the API server would refuse the object.");
        add(OBJECT_DISABLE, Severity.WARNING, "The disable annotation names a check that does not exist.");
        add(GROUP_NAME, Severity.ERROR, "A group name is empty or used twice in the same object.");
        add(GROUP_INTERVAL, Severity.ERROR, "A group's interval or query_offset is not a valid duration.");
        add(GROUP_SIZE, Severity.ERROR, "A group has more rules than its ruler accepts per group (Mimir's "
                + "ruler_max_rules_per_rule_group, default 20; Loki has no limit by default), or a metrics group has "
                + "no rules (Mimir refuses an empty group).");
        add(GROUP_SOURCE_TENANTS, Severity.ERROR, "A metrics group sets `source_tenants`, which Mimir refuses while "
                + "tenant federation is off (its default).");
        add(GROUP_LABEL, Severity.WARNING, "A group label name is invalid or `__name__`: the ruler takes the group, "
                + "but every series and alert it makes carries the label.");
        add(RULE_KIND, Severity.ERROR, "A rule sets both or neither of `record` and `alert`.");
        add(RULE_EXPR, Severity.ERROR, "A rule has no `expr`.");
        add(RULE_RECORDING, Severity.ERROR, "A recording rule sets a non-zero `for`, a non-zero `keep_firing_for` "
                + "(Mimir only: Loki ignores it) or `annotations`, or one of the durations is not a duration.");
        add(RULE_NAME, Severity.ERROR, "A recording rule's name is not a valid metric name under the target's name "
                + "validation (legacy by default in Mimir, always in Loki), or, for Mimir, has braces.");
        add(RULE_LABEL, Severity.ERROR, "A rule label name is invalid under the target's name validation, or "
                + "`__name__`.");
        add(RULE_ANNOTATION, Severity.ERROR, "An annotation name is invalid under the target's name validation.");
        add(RULE_DUPLICATE, Severity.WARNING, "A rule is repeated in the same object: same name, expression and labels.");
        add(ALERTS_FOR, Severity.ERROR, "An alert's `for` or `keep_firing_for` is not a valid duration.");
        add(ALERTS_TEMPLATE, Severity.ERROR, "An alert label or annotation is not a valid Go template "
                + "(syntax, unknown function, undefined variable).");
        add(PROMQL_SYNTAX, Severity.ERROR, "The expression of a metrics rule is not valid PromQL.");
        add(LOGQL_SYNTAX, Severity.ERROR, "The expression of a logs rule is not a valid LogQL metric query.");
        add(LOGQL_EVALUATION, Severity.ERROR, "The expression of a logs rule parses, but Loki fails on every "
                + "evaluation: a bad line_format/label_format template, line filter regexp, |> pattern, ip() "
                + "pattern or json/logfmt extraction path.");
    }

    private static void add(String name, Severity severity, String description) {
        ALL.put(name, new CheckInfo(name, severity, description));
    }

    private Checks() {
    }

    public static List<CheckInfo> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<CheckInfo> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Severity severity(String name) {
        CheckInfo c = ALL.get(name);
        return c == null ? Severity.ERROR : c.severity();
    }

    /**
     * Known names, plus any {@code <language>/syntax} and {@code <language>/evaluation} from a registered
     * expression language.
     */
    public static boolean exists(String name) {
        return ALL.containsKey(name) || name.endsWith("/syntax") || name.endsWith("/evaluation");
    }
}
