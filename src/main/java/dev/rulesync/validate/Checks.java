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
    public static final String GROUP_LONG_INTERVAL = "group/long-interval";
    public static final String RULE_DEPENDENCY = "rule/dependency";
    public static final String ALERTS_TEMPLATE_LABEL = "alerts/template-label";
    public static final String ALERTS_TEMPLATE_VALUE = "alerts/template-value";
    public static final String ALERTS_HUMANIZE = "alerts/humanize";
    public static final String ALERTS_COMPARISON = "alerts/comparison";
    public static final String PROMQL_IMPOSSIBLE = "promql/impossible";
    public static final String PROMQL_FRAGILE = "promql/fragile";
    public static final String PROMQL_REGEXP = "promql/regexp";
    public static final String PROMQL_NAN = "promql/nan";
    public static final String PROMQL_COUNTER_AGGREGATION = "promql/counter-aggregation";
    public static final String LOGQL_IMPOSSIBLE = "logql/impossible";
    public static final String LOGQL_REGEXP = "logql/regexp";
    public static final String POLICY_LABEL = "policy/label";
    public static final String POLICY_ANNOTATION = "policy/annotation";
    public static final String POLICY_NAME = "policy/name";
    public static final String POLICY_FOR = "policy/for";
    public static final String COMMENT_DISABLE = "comment/disable";

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
        add(RULE_DUPLICATE, Severity.WARNING, "Two rules of one tenant and type are the same: same kind and name, the "
                + "same expression by meaning (canonical form) and the same labels, in one group, across groups or "
                + "across files.");
        add(RULE_DEPENDENCY, Severity.WARNING, "A rule reads a metric that only a recording rule of another tenant "
                + "records: the rule's own tenant can never see it.");
        add(GROUP_LONG_INTERVAL, Severity.WARNING, "A group's interval is longer than the 5m staleness window: "
                + "recorded series have gaps and alerts resolve between evaluations.");
        add(ALERTS_FOR, Severity.ERROR, "An alert's `for` or `keep_firing_for` is not a valid duration.");
        add(ALERTS_TEMPLATE, Severity.ERROR, "An alert label or annotation is not a valid Go template "
                + "(syntax, unknown function, undefined variable).");
        add(ALERTS_TEMPLATE_LABEL, Severity.WARNING, "An alert template uses a label that the expression's "
                + "result can never carry (removed by an aggregation, on/ignoring, absent() and the like).");
        add(ALERTS_TEMPLATE_VALUE, Severity.WARNING, "An alert label uses the value: every evaluation makes a new "
                + "alert.");
        add(ALERTS_HUMANIZE, Severity.INFO, "An annotation prints a rate as a raw float; humanize reads better.");
        add(ALERTS_COMPARISON, Severity.WARNING, "An alert has no condition (or compares with bool): it fires for "
                + "every series its expression returns.");
        add(PROMQL_IMPOSSIBLE, Severity.WARNING, "Part of a PromQL expression can never return anything or uses a "
                + "label already removed: matchers that cannot all hold, sides of a binary operation that never "
                + "match, by/on/group_left on removed labels.");
        add(PROMQL_FRAGILE, Severity.WARNING, "An alert ranks series with topk, bottomk, limitk or limit_ratio: "
                + "the picked series change between evaluations.");
        add(PROMQL_REGEXP, Severity.INFO, "A regexp matcher that is a plain string, has redundant anchors, or "
                + "matches everything.");
        add(PROMQL_NAN, Severity.INFO, "A division inside sum/avg/stddev/stdvar: one zero divisor makes the whole "
                + "aggregate NaN or Inf.");
        add(PROMQL_COUNTER_AGGREGATION, Severity.WARNING, "rate/irate/increase/resets over a subquery of an "
                + "aggregated _total counter: resets of single series look like drops of the sum.");
        add(LOGQL_IMPOSSIBLE, Severity.WARNING, "Stream matchers that cannot all hold, or an aggregation by a label "
                + "its input already removed.");
        add(LOGQL_REGEXP, Severity.INFO, "A stream matcher regexp that is a plain string, has redundant anchors, "
                + "or matches everything.");
        add(POLICY_LABEL, Severity.WARNING, "A rule lacks a label the policy requires, or its value does not "
                + "match (severity configurable).");
        add(POLICY_ANNOTATION, Severity.WARNING, "An alert lacks an annotation the policy requires, or its value "
                + "does not match (severity configurable).");
        add(POLICY_NAME, Severity.WARNING, "A rule name does not match the policy's pattern (severity "
                + "configurable).");
        add(POLICY_FOR, Severity.WARNING, "An alert's `for` is outside the policy's bounds (severity "
                + "configurable).");
        add(COMMENT_DISABLE, Severity.WARNING, "A `# rule-sync disable` comment names a check that does not exist.");
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
