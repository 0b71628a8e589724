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
        ObjectVerdict warned = v.validate(object(many(21)), RuleType.METRICS);
        assertThat(warned.valid()).as("a warning does not stop the sync").isTrue();
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
        assertThat(new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn()).validate(o, null).problems())
                .isEmpty();
        assertThat(new Validator(new ValidationOptions(NameValidation.LEGACY, 20, Set.of()), ExpressionLanguages.builtIn())
                .validate(o, null).problems()).extracting(Problem::check)
                .containsExactlyInAnyOrder("rule/label", "rule/annotation", "rule/name");
    }
}
