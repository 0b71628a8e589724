package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-tree index: duplicates and dependencies, kept up to date one object at a time. */
class TreeChecksTest {

    private static final Validator VALIDATOR = new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn());

    private static ObjectRef ref(String name) {
        return new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", name, "");
    }

    private static void put(TreeChecks tree, String name, String tenant, Rule... rules) {
        RuleObject o = new RuleObject(ref(name), Map.of(), Map.of(), List.of(RuleGroup.of("g", List.of(rules))));
        tree.put(o.ref(), tenant, RuleType.METRICS, VALIDATOR.validate(o, RuleType.METRICS).analyses());
    }

    @Test
    void duplicatesFollowPutAndRemove() {
        TreeChecks tree = new TreeChecks();
        put(tree, "a", "t", Rule.recording("job:z:sum", "sum by (job) (z)"));
        put(tree, "b", "t", Rule.recording("job:z:sum", "sum by(job)(z)\n"));
        assertThat(tree.all()).extracting(Problem::check).containsExactly("rule/duplicate");
        assertThat(tree.related(ref("a"))).containsExactly(ref("b"));
        assertThat(tree.problems(ref("a"))).as("attributed to the first copy too").hasSize(1);
        put(tree, "b", "t", Rule.recording("job:z:sum", "sum by (instance) (z)"));
        assertThat(tree.all()).isEmpty();
        put(tree, "b", "t", Rule.recording("job:z:sum", "sum by (job) (z)"));
        tree.remove(ref("a"));
        assertThat(tree.all()).isEmpty();
    }

    @Test
    void otherTenantsAreNoDuplicates() {
        TreeChecks tree = new TreeChecks();
        put(tree, "a", "t1", Rule.recording("job:z:sum", "sum by (job) (z)"));
        put(tree, "b", "t2", Rule.recording("job:z:sum", "sum by (job) (z)"));
        assertThat(tree.all()).isEmpty();
    }

    @Test
    void aRecordingRuleOfAnotherTenantFeedsNothing() {
        TreeChecks tree = new TreeChecks();
        put(tree, "prod", "prod", Rule.recording("job:up:sum", "sum by (job) (up)"));
        put(tree, "stage", "stage", Rule.alerting("Down", "job:up:sum == 0", null, Map.of(), Map.of()));
        assertThat(tree.all()).extracting(Problem::check).containsExactly("rule/dependency");
        assertThat(tree.related(ref("prod"))).containsExactly(ref("stage"));
        put(tree, "stage", "stage", Rule.alerting("Down", "job:up:sum == 0", null, Map.of(), Map.of()),
                Rule.recording("job:up:sum", "sum by (job) (up)"));
        assertThat(tree.all()).as("recorded in its own tenant too").isEmpty();
    }

    @Test
    void anUnknownTenantLeavesTheIndex() {
        TreeChecks tree = new TreeChecks();
        put(tree, "a", "t", Rule.recording("job:z:sum", "sum by (job) (z)"));
        put(tree, "b", "t", Rule.recording("job:z:sum", "sum by (job) (z)"));
        tree.put(ref("b"), null, null, List.of());
        assertThat(tree.all()).isEmpty();
    }
}
