package dev.rulesync.apply;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.rulesync.apply.TestGroups.withoutOrigins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link RulerTarget} must do, run against the real programs by one *IT subclass per target (the peers
 * are shared by the whole run, so every test uses fresh tenants). Groups read back must equal {@code stored()} of
 * what was written: that is the promise the planner relies on for drift to settle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RulerTargetContract {

    protected abstract RulerTarget target();

    /** The same target reading at most {@code limit} of one answer (API response or S3 object). */
    protected abstract RulerTarget withReadLimit(DataSize limit);

    /** The property that sets that limit, which the error must name. */
    protected abstract String readLimitProperty();

    protected static String newTenant() {
        return "rs-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A group using every field, with expressions of the target's language. */
    protected RuleGroup fullGroup(String name) {
        return TestGroups.full(name, recordExpr(), alertExpr());
    }

    protected RuleGroup smallGroup(String name, String record) {
        return RuleGroup.of(name, List.of(Rule.recording(record, recordExpr())));
    }

    protected String recordExpr() {
        return target().type() == RuleType.METRICS ? "sum by (job) (up)" : "sum by (job) (rate({job=\"a\"}[5m]))";
    }

    protected String alertExpr() {
        return target().type() == RuleType.METRICS ? "up == 0" : "sum(count_over_time({job=\"a\"} |= \"error\" [1m])) > 0";
    }

    private RuleGroup expected(RuleGroup g) {
        return withoutOrigins(target().stored(g));
    }

    private Map<String, List<RuleGroup>> listed(String tenant) {
        Map<String, List<RuleGroup>> out = new LinkedHashMap<>();
        target().list(tenant).forEach((ns, groups) -> out.put(ns, groups.stream()
                .sorted(java.util.Comparator.comparing(RuleGroup::name)).toList()));
        return out;
    }

    @Test
    void aNewTenantListsEmpty() {
        assertThat(target().list(newTenant())).isEmpty();
    }

    @Test
    void aMissingGroupGetsEmpty() {
        String tenant = newTenant();
        assertThat(target().get(tenant, "ns", "nothing-here")).isEmpty();
        target().setGroup(tenant, "ns", smallGroup("present", "a:b"));
        assertThat(target().get(tenant, "ns", "absent")).isEmpty();
    }

    @Test
    void aGroupReadsBackInItsStoredForm() {
        String tenant = newTenant();
        RuleGroup g = fullGroup("full");
        target().setGroup(tenant, "ns1", g);
        assertThat(target().get(tenant, "ns1", "full")).contains(expected(g));
    }

    @Test
    void listShowsEveryGroupUnderItsNamespace() {
        String tenant = newTenant();
        RuleGroup a = smallGroup("a", "a:one");
        RuleGroup b = fullGroup("b");
        RuleGroup c = smallGroup("c", "c:one");
        target().setGroup(tenant, "ns1", a);
        target().setGroup(tenant, "ns1", b);
        target().setGroup(tenant, "ns2", c);
        assertThat(listed(tenant)).isEqualTo(Map.of(
                "ns1", List.of(expected(a), expected(b)),
                "ns2", List.of(expected(c))));
    }

    @Test
    void anAnswerAboveTheReadLimitFailsNamingTheLimitAndIsNeverTakenAsEmpty() {
        String tenant = newTenant();
        RuleGroup g = fullGroup("sized");
        target().setGroup(tenant, "ns", g);
        RulerTarget capped = withReadLimit(DataSize.ofBytes(100));
        List<ThrowingCallable> reads = List.of(() -> capped.list(tenant), () -> capped.get(tenant, "ns", "sized"));
        for (ThrowingCallable read : reads) {
            assertThatThrownBy(read).isInstanceOfSatisfying(RulerException.class, e -> {
                assertThat(e.permanent()).as("the same answer comes again").isTrue();
                assertThat(e.getMessage()).startsWith(target().name() + " ")
                        .contains("the answer is larger than 100B", readLimitProperty());
            });
        }
        // the same answers under a limit they fit in read as usual
        RulerTarget roomy = withReadLimit(DataSize.ofKilobytes(64));
        assertThat(roomy.list(tenant)).isEqualTo(Map.of("ns", List.of(expected(g))));
        assertThat(roomy.get(tenant, "ns", "sized")).contains(expected(g));
    }

    @Test
    void oneNamespaceListsItsGroupsAndNothingElse() {
        String tenant = newTenant();
        RuleGroup a = smallGroup("a", "a:one");
        RuleGroup b = fullGroup("b");
        target().setGroup(tenant, "ns1", b);
        target().setGroup(tenant, "ns1", a);
        // "ns12" and "ns" share a prefix with "ns1" (also in base64 keys): neither may leak into its listing
        target().setGroup(tenant, "ns12", smallGroup("c", "c:one"));
        target().setGroup(tenant, "ns", smallGroup("d", "d:one"));

        assertThat(target().list(tenant, "ns1").stream().sorted(java.util.Comparator.comparing(RuleGroup::name)))
                .containsExactly(expected(a), expected(b));
        assertThat(target().list(tenant, "ns")).containsExactly(expected(smallGroup("d", "d:one")));
        assertThat(target().list(tenant, "no-such-namespace")).isEmpty();
        assertThat(target().list(newTenant(), "ns1")).as("a tenant without groups").isEmpty();
        target().deleteNamespace(tenant, "ns1");
        assertThat(target().list(tenant, "ns1")).as("a deleted namespace").isEmpty();
    }

    @Test
    void oneNamespaceWithSpecialCharactersListsByItsName() {
        String tenant = newTenant();
        String ns = "team a: 100% ü+&=?#";
        String group = "grp %2F ~ é;,'()*!";
        target().setGroup(tenant, ns, smallGroup(group, "x:r"));

        assertThat(target().list(tenant, ns)).containsExactly(expected(smallGroup(group, "x:r")));
        assertThat(target().list(tenant, "team a")).isEmpty();
    }

    @Test
    void settingAnExistingGroupReplacesIt() {
        String tenant = newTenant();
        target().setGroup(tenant, "ns", fullGroup("g"));
        RuleGroup replacement = new RuleGroup("g", "2m", null, null, null, null,
                List.of(Rule.recording("other:rule", recordExpr())), Origin.NONE);
        target().setGroup(tenant, "ns", replacement);
        assertThat(target().get(tenant, "ns", "g")).contains(expected(replacement));
        assertThat(listed(tenant)).isEqualTo(Map.of("ns", List.of(expected(replacement))));
    }

    @Test
    void deleteGroupRemovesOnlyThatGroupAndMayBeRepeated() {
        String tenant = newTenant();
        target().setGroup(tenant, "ns", smallGroup("keep", "k:r"));
        target().setGroup(tenant, "ns", smallGroup("drop", "d:r"));
        target().deleteGroup(tenant, "ns", "drop");
        assertThat(target().get(tenant, "ns", "drop")).isEmpty();
        assertThat(listed(tenant)).isEqualTo(Map.of("ns", List.of(expected(smallGroup("keep", "k:r")))));
        target().deleteGroup(tenant, "ns", "drop");
        target().deleteGroup(tenant, "no-such-ns", "drop");
    }

    @Test
    void deleteNamespaceRemovesAllItsGroupsAndNothingElse() {
        String tenant = newTenant();
        target().setGroup(tenant, "gone", smallGroup("g1", "a:r"));
        target().setGroup(tenant, "gone", smallGroup("g2", "b:r"));
        // "gone2" shares a prefix with "gone" (also in base64 keys); it must survive.
        target().setGroup(tenant, "gone2", smallGroup("g1", "c:r"));
        target().deleteNamespace(tenant, "gone");
        assertThat(listed(tenant)).isEqualTo(Map.of("gone2", List.of(expected(smallGroup("g1", "c:r")))));
        target().deleteNamespace(tenant, "gone");
        target().deleteNamespace(tenant, "never-was");
        target().deleteNamespace(tenant, "gone2");
        assertThat(target().list(tenant)).isEmpty();
    }

    @Test
    void tenantsAreIsolated() {
        String a = newTenant();
        String b = newTenant();
        target().setGroup(a, "ns", smallGroup("g", "a:r"));
        assertThat(target().list(b)).isEmpty();
        assertThat(target().get(b, "ns", "g")).isEmpty();
        target().deleteNamespace(b, "ns");
        assertThat(target().get(a, "ns", "g")).contains(expected(smallGroup("g", "a:r")));
    }

    @Test
    void namesWithSpecialCharactersRoundTrip() {
        String tenant = newTenant();
        String ns = "team a: 100% ü+&=?#";
        String group = "grp %2F ~ é;,'()*!";
        assertThat(target().nameProblem(ns, group)).isEmpty();
        target().setGroup(tenant, ns, smallGroup(group, "x:r"));
        assertThat(target().get(tenant, ns, group)).contains(expected(smallGroup(group, "x:r")));
        assertThat(listed(tenant)).isEqualTo(Map.of(ns, List.of(expected(smallGroup(group, "x:r")))));
        target().deleteGroup(tenant, ns, group);
        assertThat(target().list(tenant)).isEmpty();
    }

    @Test
    void slashInNamesWorksWhereverTheTargetSaysItCan() {
        String tenant = newTenant();
        String ns = "team-a/app";
        String group = "g/1";
        if (target().nameProblem(ns, group).isPresent()) {
            assertThatThrownBy(() -> target().setGroup(tenant, ns, smallGroup(group, "s:r")))
                    .isInstanceOfSatisfying(RulerException.class, e -> assertThat(e.permanent()).isTrue());
            assertThat(target().list(tenant)).isEmpty();
            return;
        }
        target().setGroup(tenant, ns, smallGroup(group, "s:r"));
        assertThat(target().get(tenant, ns, group)).contains(expected(smallGroup(group, "s:r")));
        assertThat(listed(tenant)).isEqualTo(Map.of(ns, List.of(expected(smallGroup(group, "s:r")))));
        target().deleteNamespace(tenant, ns);
        assertThat(target().list(tenant)).isEmpty();
    }
}
