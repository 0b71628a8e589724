package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on objects that did not come from a file (as the controller builds them): no positions, same verdicts. */
class RuleChecksTest {

    private static RuleObject object(List<Rule> rules) {
        return new RuleObject(new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "o", "uid"), Map.of(),
                Map.of(), List.of(RuleGroup.of("g", rules)));
    }

    private static List<Rule> many(int n) {
        return many(n, "up");
    }

    private static List<Rule> many(int n, String expr) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) rules.add(Rule.recording("r" + i, expr));
        return rules;
    }

    @Test
    void groupSizeIsMimirsLimitAndNotLokis() {
        Validator v = new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn());
        assertThat(v.validate(object(many(21)), RuleType.METRICS).problems()).extracting(Problem::check)
                .containsExactly("group/size");
        assertThat(v.validate(object(many(20)), RuleType.METRICS).problems()).isEmpty();
        assertThat(v.validate(object(many(21, "sum(rate({app=\"a\"}[5m]))")), RuleType.LOGS).problems()).isEmpty();
        assertThat(v.validate(object(many(21)), RuleType.METRICS).valid()).as("Mimir would refuse it").isFalse();
        assertThat(v.validate(object(List.of()), RuleType.METRICS).problems()).extracting(Problem::message)
                .containsExactly("the group has no rules; Mimir refuses an empty group");
        assertThat(v.validate(object(List.of()), RuleType.LOGS).problems()).as("Loki stores an empty group").isEmpty();
    }

    @Test
    void anErrorMakesTheObjectInvalid() {
        Rule both = new Rule("a:b", "A", "up == 0", null, null, Map.of(), Map.of(), null);
        ObjectVerdict verdict = new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn())
                .validate(object(List.of(both)), RuleType.METRICS);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo("rule/kind");
            assertThat(p.position().isKnown()).isFalse();
            assertThat(p.object().uid()).isEqualTo("uid");
        });
    }

    @Test
    void legacyAndUtf8NameValidation() {
        Rule dotted = Rule.alerting("A", "up == 0", "5m", Map.of("team.name", "x"), Map.of("run-book", "y"));
        Rule record = Rule.recording("job.up:sum", "up");
        RuleObject o = object(List.of(dotted, record));
        // legacy is what both rulers do as shipped
        assertThat(new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn()).validate(o, null).problems())
                .extracting(Problem::check).containsExactlyInAnyOrder("rule/label", "rule/annotation", "rule/name");
        assertThat(new Validator(new ValidationOptions(NameValidation.UTF8, 20, Set.of()), ExpressionLanguages.builtIn())
                .validate(o, RuleType.METRICS).problems()).isEmpty();
        // Mimir with utf8 names, Loki as shipped: the type picks the ruler
        ValidationOptions utf8Mimir = new ValidationOptions(TargetRules.MIMIR.withNames(NameValidation.UTF8),
                TargetRules.LOKI, Set.of());
        assertThat(new Validator(utf8Mimir, ExpressionLanguages.builtIn()).validate(o, RuleType.METRICS).problems())
                .extracting(Problem::check).doesNotContain("rule/label", "rule/annotation", "rule/name");
        RuleObject logs = object(List.of(dotted.withExpr("sum(count_over_time({a=\"b\"}[1m])) == 0")));
        assertThat(new Validator(utf8Mimir, ExpressionLanguages.builtIn()).validate(logs, RuleType.LOGS).problems())
                .extracting(Problem::check).containsExactlyInAnyOrder("rule/label", "rule/annotation");
    }
}
