package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.testsupport.CountingLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each semantic check fires on its defect (positive) and stays silent on the correct form (negative). */
class SemanticChecksTest {

    private static final Validator VALIDATOR = new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn());

    private static List<String> checks(RuleType type, Rule rule, Validator v) {
        RuleObject o = new RuleObject(new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "o", "uid"), Map.of(),
                Map.of(), List.of(RuleGroup.of("g", List.of(rule))));
        return v.validate(o, type).problems().stream().map(Problem::check).toList();
    }

    private static List<String> alert(String expr, Map<String, String> labels, Map<String, String> annotations) {
        return checks(RuleType.METRICS, Rule.alerting("A", expr, null, labels, annotations), VALIDATOR);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
            // check | expression that has the defect | the same intent without it
            "promql/impossible ; up{job=\"a\", job=\"b\"} == 0 ; up{job=\"a\"} == 0",
            "promql/impossible ; up{job=\"a\", job!=\"a\"} == 0 ; up{job=\"a\", instance!=\"a\"} == 0",
            "promql/impossible ; up{job=\"a\", job=~\"b|c\"} == 0 ; up{job=\"a\", job=~\"a|c\"} == 0",
            "promql/impossible ; group by (cluster) (sum(errors_total)) > 0 ; group by (cluster) (sum by (cluster) (errors_total)) > 0",
            "promql/impossible ; up{job=\"a\"} unless sum(up) ; up{job=\"a\"} unless on() sum(up)",
            "promql/impossible ; sum(foo) / on(cluster) count(bar) > 1 ; sum by (cluster) (foo) / on(cluster) count by (cluster) (bar) > 1",
            "promql/impossible ; x > on (a) group_left (env) sum by (a) (info) ; x > on (a) group_left (env) sum by (a, env) (info)",
            "promql/fragile ; topk(3, rate(errors_total[5m])) > 1 ; topk by (job) (1, rate(errors_total[5m])) > 1",
            "promql/regexp ; up{job=~\"api\"} == 0 ; up{job=~\"api|web\"} == 0",
            "promql/regexp ; up{job=~\"^api.*\"} == 0 ; up{job=~\"api.*\"} == 0",
            "promql/regexp ; up{job=\"a\", env=~\".*\"} == 0 ; up{job=\"a\", env=~\".+\"} == 0",
            "promql/nan ; sum(rate(a[5m]) / rate(b[5m])) > 1 ; sum(rate(a[5m])) / sum(rate(b[5m])) > 1",
            "promql/nan ; avg(a % b) > 1 ; avg(a / (b > 0)) > 1",
            "promql/counter-aggregation ; rate(sum(requests_total)[5m:1m]) > 1 ; sum(rate(requests_total[5m])) > 1",
            "promql/counter-aggregation ; increase(sum by (job) (requests_total)[1h:]) > 1 ; increase(sum by (job) (requests_in_flight)[1h:]) > 1",
            "alerts/comparison ; rate(errors_total[5m]) ; rate(errors_total[5m]) > 0",
            "alerts/comparison ; rate(errors_total[5m]) > bool 0 ; rate(errors_total[5m]) > 0",
            "alerts/comparison ; sum(up) ; absent(up{job=\"a\"})",
            "alerts/comparison ; up * 2 ; (up == 0) * 2",
    })
    void promqlChecks(String check, String bad, String good) {
        assertThat(alert(bad, Map.of(), Map.of())).as(bad).contains(check);
        assertThat(alert(good, Map.of(), Map.of())).as(good).doesNotContain(check);
    }

    @Test
    void alwaysFiringWithoutASelectorIsMeant() {
        assertThat(alert("vector(1)", Map.of(), Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
            // expression | template | whether the label is gone
            "sum by (namespace) (rate(x[5m])) > 1 ; {{ $labels.pod }} ; true",
            "sum by (namespace) (rate(x[5m])) > 1 ; {{ $labels.namespace }} ; false",
            "sum without (pod) (rate(x[5m])) > 1 ; {{ .Labels.pod }} ; true",
            "sum without (pod) (rate(x[5m])) > 1 ; {{ $labels.job }} ; false",
            "absent(up{job=\"a\"}) ; {{ index $labels \"instance\" }} ; true",
            "absent(up{job=\"a\"}) ; {{ $labels.job }} ; false",
            "x > on (a) y ; {{ $labels.b }} ; true",
            "x > ignoring (a) y ; {{ $labels.b }} ; false",
            "histogram_quantile(0.9, sum by (le, job) (rate(x_bucket[5m]))) > 1 ; {{ $labels.le }} ; true",
            "label_replace(sum(x), \"dst\", \"$1\", \"src\", \"(.*)\") > 1 ; {{ $labels.dst }} ; false",
            "rate(x[5m]) > 1 ; {{ $labels.anything }} ; false",
            "sum by (a) (x) > 1 or sum by (b) (y) > 1 ; {{ $labels.b }} ; false",
            "sum by (a) (x) > 1 or sum by (b) (y) > 1 ; {{ $labels.c }} ; true",
    })
    void templateLabels(String expr, String template, boolean gone) {
        List<String> found = alert(expr, Map.of(), Map.of("summary", template));
        if (gone) assertThat(found).contains("alerts/template-label");
        else assertThat(found).doesNotContain("alerts/template-label");
    }

    @Test
    void valueInLabelsOnlyWhenPrinted() {
        assertThat(alert("up == 0", Map.of("v", "{{ $value }}"), Map.of())).contains("alerts/template-value");
        assertThat(alert("up == 0", Map.of("severity", "{{ if gt $value 1.0 }}page{{ else }}ticket{{ end }}"),
                Map.of())).doesNotContain("alerts/template-value");
        assertThat(alert("up == 0", Map.of(), Map.of("summary", "{{ $value }}"))).doesNotContain("alerts/template-value");
    }

    @Test
    void humanizeHintOnlyForABareRate() {
        assertThat(alert("rate(x[5m]) > 1", Map.of(), Map.of("s", "{{ $value }}/s"))).contains("alerts/humanize");
        assertThat(alert("rate(x[5m]) > 1", Map.of(), Map.of("s", "{{ $value | humanize }}/s")))
                .doesNotContain("alerts/humanize");
        assertThat(alert("x > 1", Map.of(), Map.of("s", "{{ $value }}"))).doesNotContain("alerts/humanize");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
            "logql/impossible ; sum(count_over_time({app=\"a\", app=\"b\"}[5m])) > 0 ; sum(count_over_time({app=\"a\", env=\"b\"}[5m])) > 0",
            "logql/impossible ; sum by (pod) (sum by (app) (count_over_time({app=\"a\"}[5m]))) > 0 ; sum by (app) (sum by (app, pod) (count_over_time({app=\"a\"}[5m]))) > 0",
            "logql/regexp ; sum(count_over_time({app=~\"api\"}[5m])) > 0 ; sum(count_over_time({app=~\"api|web\"}[5m])) > 0",
    })
    void logqlChecks(String check, String bad, String good) {
        assertThat(checks(RuleType.LOGS, Rule.alerting("A", bad, null, Map.of(), Map.of()), VALIDATOR)).contains(check);
        assertThat(checks(RuleType.LOGS, Rule.alerting("A", good, null, Map.of(), Map.of()), VALIDATOR))
                .doesNotContain(check);
    }

    @Test
    void logqlTemplateLabelsRemovedByAggregation() {
        String expr = "sum by (app) (count_over_time({app=\"a\"} | json [5m])) > 0";
        assertThat(checks(RuleType.LOGS, Rule.alerting("A", expr, null, Map.of(), Map.of("s", "{{ $labels.pod }}")),
                VALIDATOR)).contains("alerts/template-label");
        String kept = "sum by (app, pod) (count_over_time({app=\"a\"} | json [5m])) > 0";
        assertThat(checks(RuleType.LOGS, Rule.alerting("A", kept, null, Map.of(), Map.of("s", "{{ $labels.pod }}")),
                VALIDATOR)).doesNotContain("alerts/template-label");
        String parsed = "count_over_time({app=\"a\"} | json [5m]) > 0";
        assertThat(checks(RuleType.LOGS, Rule.alerting("A", parsed, null, Map.of(), Map.of("s", "{{ $labels.pod }}")),
                VALIDATOR)).as("a parser may add any label").doesNotContain("alerts/template-label");
    }

    @Test
    void longIntervalUnlessAlertsKeepFiring() {
        RuleObject rec = group("10m", Rule.recording("a:b", "sum(x)"));
        assertThat(VALIDATOR.validate(rec, RuleType.METRICS).problems()).extracting(Problem::check)
                .containsExactly("group/long-interval");
        Rule keep = new Rule(null, "A", "x > 1", null, "10m", Map.of(), Map.of(), null);
        assertThat(VALIDATOR.validate(group("10m", keep), RuleType.METRICS).problems()).isEmpty();
        assertThat(VALIDATOR.validate(group("5m", Rule.recording("a:b", "sum(x)")), RuleType.METRICS).problems()).isEmpty();
    }

    private static RuleObject group(String interval, Rule r) {
        return new RuleObject(new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "o", "uid"), Map.of(), Map.of(),
                List.of(new RuleGroup("g", interval, null, null, Map.of(), List.of(), List.of(r), null)));
    }

    @Test
    void policyChecksAndTheirSeverity() {
        LintPolicy policy = new LintPolicy(Map.of("severity", Pattern.compile("page|ticket")), Map.of(),
                Map.of("summary", Pattern.compile("")), Pattern.compile("[A-Z]\\w*"), Pattern.compile("\\w+:\\w+:\\w+"),
                Duration.ofMinutes(1), Duration.ofHours(1), Severity.ERROR);
        Validator v = new Validator(new ValidationOptions(TargetRules.MIMIR, TargetRules.LOKI, Set.of(), policy),
                ExpressionLanguages.builtIn());
        Rule bad = new Rule(null, "down", "up == 0", "2h", null, Map.of("severity", "low"), Map.of(), null);
        assertThat(checks(RuleType.METRICS, bad, v)).containsExactlyInAnyOrder("policy/label", "policy/annotation",
                "policy/name", "policy/for");
        Rule good = new Rule(null, "Down", "up == 0", "5m", null, Map.of("severity", "page"), Map.of("summary", "s"), null);
        assertThat(checks(RuleType.METRICS, good, v)).isEmpty();
        assertThat(checks(RuleType.METRICS, Rule.recording("ab", "sum(x)"), v)).containsExactly("policy/name");
        RuleObject o = new RuleObject(new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "o", "uid"), Map.of(),
                Map.of(), List.of(RuleGroup.of("g", List.of(bad))));
        assertThat(v.validate(o, RuleType.METRICS).valid()).as("a policy of severity error blocks the object").isFalse();
        assertThat(VALIDATOR.validate(o, RuleType.METRICS).valid()).as("no policy, no finding").isTrue();
    }

    @Test
    void eachExpressionIsParsedOnceAndTheSemanticChecksReadItsTreeThroughAnyWrapper() {
        // a wrapper like the engine's per-run cache: the checks must not depend on the language's class
        java.util.concurrent.atomic.AtomicInteger analyses = new java.util.concurrent.atomic.AtomicInteger();
        ExpressionLanguages counted = ExpressionLanguages.builtIn().map(l -> new CountingLanguage(l, analyses));
        Validator v = new Validator(ValidationOptions.DEFAULTS, counted);
        Rule rule = Rule.alerting("A", "sum by (job) (up{job=~\"api\"}) == 0", null, Map.of(),
                Map.of("summary", "{{ $labels.pod }}"));
        assertThat(checks(RuleType.METRICS, rule, v)).containsExactlyInAnyOrder("promql/regexp",
                "alerts/template-label");
        assertThat(analyses).hasValue(1);
        analyses.set(0);
        assertThat(checks(RuleType.LOGS, Rule.alerting("B", "sum(count_over_time({app=~\"api\"}[5m])) > 0", null,
                Map.of(), Map.of()), v)).containsExactly("logql/regexp");
        assertThat(analyses).hasValue(1);
    }

    @Test
    void semanticFindingsNeverMakeAnObjectInvalid() {
        for (var c : Checks.all()) {
            if (c.name().startsWith("alerts/template-") || c.name().startsWith("promql/") && !c.name().endsWith("syntax")
                    || c.name().equals("rule/duplicate") || c.name().equals("rule/dependency")) {
                assertThat(c.severity()).as(c.name()).isNotEqualTo(Severity.ERROR);
            }
        }
    }
}
