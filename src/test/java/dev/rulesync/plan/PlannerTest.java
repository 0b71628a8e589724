package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rulesync.plan.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {

    private static final ObjectRef API = cr("team-a", "api");
    private static final ObjectRef WEB = cr("team-a", "web");
    private static final RuleGroup API_GROUP = group("api.rules",
            record("job:up:sum", "sum by (job) (up)"),
            alert("ApiDown", "up{job=\"api\"} == 0", "5m", Map.of("severity", "page")));
    private static final RuleGroup WEB_GROUP = group("web.rules", record("job:req:rate5m", "rate(req[5m])"));

    private final Planner planner = new Planner(List.of(mimir()), Pruning.PRUNE);

    private static List<Change> lines(Plan plan, Action action) {
        return plan.tenants().stream().flatMap(t -> t.changes().stream()).filter(c -> c.action() == action).toList();
    }

    @Nested
    class Equality {

        @Test
        void unchangedTreeGivesZeroOperations() {
            Plan plan = planner.plan(List.of(metrics("stage", API, API_GROUP), metrics("stage", WEB, WEB_GROUP)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP)
                            .ns("mimir", "stage", "rule-sync/team-a/web", WEB_GROUP).build());

            assertThat(plan.operations()).isEmpty();
            assertThat(lines(plan, Action.NOOP)).hasSize(2);
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.OK);
        }

        @Test
        void oneChangedRuleGivesExactlyOneUpdateNamingTheRuleAndField() {
            RuleGroup changed = group("api.rules",
                    record("job:up:sum", "sum by (job) (up)"),
                    alert("ApiDown", "up{job=\"api\"} == 0", "5m", Map.of("severity", "ticket")));

            Plan plan = planner.plan(List.of(metrics("stage", API, changed), metrics("stage", WEB, WEB_GROUP)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP)
                            .ns("mimir", "stage", "rule-sync/team-a/web", WEB_GROUP).build());

            assertThat(plan.operations()).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(Action.UPDATE);
                assertThat(c.path()).isEqualTo("rule-sync/team-a/api/api.rules");
                assertThat(c.desired()).isEqualTo(changed);
                assertThat(c.diff().rules()).containsExactly(
                        new RuleChange("ApiDown", RuleChange.Kind.CHANGED, List.of("labels")));
            });
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.CHANGES_PENDING);
        }

        @Test
        void reformattedButEqualExpressionIsNoop() {
            RuleGroup reformatted = group("api.rules",
                    record("job:up:sum", "sum  by (job)\n   (up)\n"),
                    alert("ApiDown", "  up{job=\"api\"}   ==   0", "5m", Map.of("severity", "page")));

            Plan plan = planner.plan(List.of(metrics("stage", API, reformatted)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP).build());

            assertThat(plan.operations()).isEmpty();
        }

        @Test
        void aRealExpressionChangeIsStillSeen() {
            RuleGroup changed = group("api.rules",
                    record("job:up:sum", "sum by (instance) (up)"),
                    alert("ApiDown", "up{job=\"api\"} == 0", "5m", Map.of("severity", "page")));

            Plan plan = planner.plan(List.of(metrics("stage", API, changed)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP).build());

            assertThat(plan.operations()).singleElement().extracting(c -> c.diff().rules())
                    .isEqualTo(List.of(new RuleChange("job:up:sum", RuleChange.Kind.CHANGED, List.of("expr"))));
        }

        @Test
        void expressionsWithoutCanonicalFormCompareByTrimmedText() {
            RuleGroup remoteGroup = group("g", record("r", "broken((( x"));
            Plan same = planner.plan(List.of(metrics("stage", API, group("g", record("r", "  broken((( x \n")))),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());
            Plan inner = planner.plan(List.of(metrics("stage", API, group("g", record("r", "broken(((  x")))),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());

            assertThat(same.operations()).isEmpty();
            assertThat(inner.operations()).hasSize(1); // inner whitespace counts when there is no canonical form
        }

        @Test
        void durationsCompareByValueAndZeroEqualsAbsentWhereTheRulerTreatsThemAlike() {
            Rule remoteRule = new Rule(null, "A", "x", "1m", null, Map.of(), Map.of(), null);
            Rule desiredRule = new Rule(null, "A", "x", "60s", "0s", Map.of(), Map.of(), null);
            RuleGroup remoteGroup = new RuleGroup("g", "1m0s", "5m", 0, Map.of(), List.of(), List.of(remoteRule), null);
            RuleGroup desiredGroup = new RuleGroup("g", "60s", "300s", null, Map.of(), List.of(),
                    List.of(desiredRule), null);

            Plan plan = planner.plan(List.of(metrics("stage", API, desiredGroup)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());

            assertThat(plan.operations()).isEmpty();
        }

        @Test
        void aDifferentDurationAndAnExplicitZeroQueryOffsetAreChanges() {
            Rule remoteRule = new Rule(null, "A", "x", "5m", null, Map.of(), Map.of(), null);
            Rule desiredRule = new Rule(null, "A", "x", "6m", null, Map.of(), Map.of(), null);
            RuleGroup remoteGroup = new RuleGroup("g", null, null, null, Map.of(), List.of(), List.of(remoteRule), null);
            RuleGroup desiredGroup = new RuleGroup("g", null, "0s", null, Map.of(), List.of(), List.of(desiredRule),
                    null);

            Plan plan = planner.plan(List.of(metrics("stage", API, desiredGroup)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());

            assertThat(plan.operations()).singleElement().satisfies(c -> {
                assertThat(c.diff().groupFields()).containsExactly("query_offset");
                assertThat(c.diff().rules()).containsExactly(new RuleChange("A", RuleChange.Kind.CHANGED,
                        List.of("for")));
            });
        }

        @Test
        void labelAndAnnotationMapsCompareAsMapsAndSourceTenantsAsSets() {
            Rule remoteRule = new Rule(null, "A", "x", null, null, Map.of("a", "1", "b", "2"),
                    Map.of("summary", "s", "runbook", "r"), null);
            Rule desiredRule = new Rule(null, "A", "x", null, null, orderedMap("b", "2", "a", "1"),
                    orderedMap("runbook", "r", "summary", "s"), null);
            RuleGroup remoteGroup = new RuleGroup("g", null, null, null, Map.of(), List.of("t1", "t2"),
                    List.of(remoteRule), null);
            RuleGroup desiredGroup = new RuleGroup("g", null, null, null, Map.of(), List.of("t2", "t1"),
                    List.of(desiredRule), null);

            Plan plan = planner.plan(List.of(metrics("stage", API, desiredGroup)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());

            assertThat(plan.operations()).isEmpty();
        }

        @Test
        void addedRemovedAndReorderedRulesAreNamed() {
            RuleGroup remoteGroup = group("g", record("a", "1"), record("b", "2"), record("c", "3"));
            Plan removed = planner.plan(List.of(metrics("stage", API, group("g", record("a", "1"), record("c", "3"),
                            record("d", "4")))),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());
            Plan reordered = planner.plan(List.of(metrics("stage", API, group("g", record("b", "2"),
                            record("a", "1"), record("c", "3")))),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", remoteGroup).build());

            assertThat(removed.operations()).singleElement().extracting(c -> c.diff().lines())
                    .isEqualTo(List.of("+ rule d", "- rule b"));
            assertThat(reordered.operations()).singleElement().extracting(c -> c.diff().lines())
                    .isEqualTo(List.of("~ rule order"));
        }

        @Test
        void lokiDropsQueryOffsetGroupLabelsAndKeepFiringForSoTheyCauseNoUpdate() {
            Rule desiredRule = new Rule(null, "LogErrors", "sum(rate({app=\"x\"} |= \"error\" [5m])) > 1", "5m",
                    "10m", Map.of("severity", "page"), Map.of(), null);
            RuleGroup desired = new RuleGroup("logs", "1m", "30s", null, Map.of("team", "a"), List.of(),
                    List.of(desiredRule), null);
            RuleGroup listedFromLoki = lokiStored(desired);
            Planner lokiPlanner = new Planner(List.of(loki()), Pruning.PRUNE);
            Planner storesEverything = new Planner(List.of(new PlanTarget(
                    profile("loki-api", RuleType.LOGS, g -> g, (n, g) -> java.util.Optional.empty()),
                    NamingTemplate.defaultFor(RuleType.LOGS), WHITESPACE_LANGUAGE)), Pruning.PRUNE);
            RemoteState remote = remote().ns("loki-api", "t1", "rule-sync-team-a-api", listedFromLoki).build();

            assertThat(lokiPlanner.plan(List.of(logs("t1", API, desired)), remote).operations()).isEmpty();
            // The same listing against a target that stores everything does differ: the profile is what hides it.
            assertThat(storesEverything.plan(List.of(logs("t1", API, desired)), remote).operations())
                    .singleElement().satisfies(c -> {
                        assertThat(c.diff().groupFields()).containsExactly("query_offset", "labels");
                        assertThat(c.diff().rules()).containsExactly(new RuleChange("LogErrors",
                                RuleChange.Kind.CHANGED, List.of("keep_firing_for")));
                    });
        }
    }

    @Nested
    class CreatesAndDeletes {

        @Test
        void missingGroupsAreCreatedOrphanGroupsAndNamespacesDeleted() {
            RuleGroup extra = group("old.rules", record("x", "1"));
            Plan plan = planner.plan(List.of(metrics("stage", API, API_GROUP), metrics("stage", WEB, WEB_GROUP)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP, extra)
                            .ns("mimir", "stage", "rule-sync/team-b/gone", extra).build());

            assertThat(plan.operations()).extracting(PlanPrinter::line).containsExactly(
                    "- delete  mimir stage rule-sync/team-a/api/old.rules",
                    "+ create  mimir stage rule-sync/team-a/web/web.rules",
                    "- delete  mimir stage rule-sync/team-b/gone (namespace)");
        }

        @Test
        void aTenantWhoseObjectsAreAllGoneIsCleanedWhenListed() {
            Plan plan = planner.plan(List.of(),
                    remote().ns("mimir", "old-tenant", "rule-sync/team-a/api", API_GROUP).build());

            assertThat(plan.operations()).extracting(PlanPrinter::line)
                    .containsExactly("- delete  mimir old-tenant rule-sync/team-a/api (namespace)");
        }

        @Test
        void objectsGoToTheTargetsOfTheirTypeOnly() {
            Planner both = new Planner(List.of(mimir(), loki()), Pruning.PRUNE);
            Plan plan = both.plan(List.of(metrics("t1", API, API_GROUP), logs("t1", WEB, WEB_GROUP)),
                    remote().empty("mimir", "t1").empty("loki-api", "t1").build());

            assertThat(plan.operations()).extracting(PlanPrinter::line).containsExactly(
                    "+ create  loki-api t1 rule-sync-team-a-web/web.rules",
                    "+ create  mimir t1 rule-sync/team-a/api/api.rules");
        }
    }

    @Nested
    class Inputs {

        @Test
        void ruleFilesAreNamedByTheirPathBelowTheRoot() {
            ObjectRef file = new ObjectRef(ObjectRef.RULE_FILE, null, "team-a/slo.yaml", null);

            Plan plan = planner.plan(List.of(metrics("t", file, API_GROUP)), remote().empty("mimir", "t").build());

            assertThat(plan.operations()).extracting(Change::path)
                    .containsExactly("rule-sync/team-a/slo.yaml/api.rules");
        }

        @Test
        void anObjectWhoseGroupsWereAllRemovedLosesItsNamespace() {
            Plan plan = planner.plan(List.of(metrics("t", API)),
                    remote().ns("mimir", "t", "rule-sync/team-a/api", API_GROUP).build());

            assertThat(plan.operations()).extracting(PlanPrinter::line)
                    .containsExactly("- delete  mimir t rule-sync/team-a/api (namespace)");
        }

        @Test
        void aValidObjectMustSayWhereItGoes() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> DesiredObject.valid(API, null, RuleType.METRICS, List.of()))
                    .hasMessageContaining("PrometheusRule(team-a/api): a valid object needs a tenant and a type");
        }

        @Test
        void thePlanIsAValueThatDoesNotChangeWithItsInputs() {
            java.util.List<DesiredObject> desired = new java.util.ArrayList<>(List.of(metrics("t", API, API_GROUP)));
            Plan plan = planner.plan(desired, remote().empty("mimir", "t").build());
            desired.clear();

            assertThat(plan.operations()).hasSize(1);
            assertThat(plan).isEqualTo(planner.plan(List.of(metrics("t", API, API_GROUP)),
                    remote().empty("mimir", "t").build()));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan.tenants().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Ownership {

        @Test
        void onlyNamespacesUnderThePrefixAndItsSeparatorAreTouched() {
            RuleGroup g = group("g", record("x", "1"));
            Plan plan = planner.plan(List.of(), remote()
                    .ns("mimir", "t", "rule-sync/ns/owned", g)
                    .ns("mimir", "t", "rule-sync-b/ns/other-instance", g)
                    .ns("mimir", "t", "rule-sync", g)
                    .ns("mimir", "t", "rule-sync/", g)
                    .ns("mimir", "t", "Rule-sync/ns/case", g)
                    .ns("mimir", "t", "team/rule-sync/ns", g)
                    .ns("mimir", "t", "alloy/ns/name/uid", g).build());

            assertThat(plan.operations()).extracting(Change::path).containsExactly("rule-sync/ns/owned");
            assertThat(plan.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        }

        @Test
        void lokiPrefixWithDashSeparatorDoesNotOwnTheBarePrefix() {
            Planner lokiPlanner = new Planner(List.of(loki()), Pruning.PRUNE);
            RuleGroup g = group("g", record("x", "1"));
            Plan plan = lokiPlanner.plan(List.of(), remote()
                    .ns("loki-api", "t", "rule-sync-ns-owned", g)
                    .ns("loki-api", "t", "rule-sync", g)
                    .ns("loki-api", "t", "rule-sync-", g)
                    .ns("loki-api", "t", "rule-syncx-ns", g).build());

            assertThat(plan.operations()).extracting(Change::path).containsExactly("rule-sync-ns-owned");
        }
    }

    @Nested
    class Safety {

        @Test
        void anInvalidObjectKeepsItsRemoteGroupsWhileOthersSync() {
            Plan plan = planner.plan(List.of(DesiredObject.invalid(API, "stage", RuleType.METRICS),
                            metrics("stage", WEB, WEB_GROUP)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP,
                            group("second", record("y", "2"))).build());

            assertThat(plan.operations()).extracting(PlanPrinter::line)
                    .containsExactly("+ create  mimir stage rule-sync/team-a/web/web.rules");
            assertThat(lines(plan, Action.KEPT)).extracting(Change::path)
                    .containsExactly("rule-sync/team-a/api/api.rules", "rule-sync/team-a/api/second");
            assertThat(plan.outcomeOf(API)).isEqualTo(Action.KEPT);
            assertThat(plan.outcomeOf(WEB)).isEqualTo(Action.CREATE);
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.INVALID);
        }

        @Test
        void anInvalidObjectWithUnknownTenantAndTypeIsKeptEverywhere() {
            Planner both = new Planner(List.of(mimir(), loki()), Pruning.PRUNE);
            Plan plan = both.plan(List.of(DesiredObject.invalid(API, null, null)), remote()
                    .ns("mimir", "t1", "rule-sync/team-a/api", API_GROUP)
                    .ns("mimir", "t2", "rule-sync/team-a/api", API_GROUP)
                    .ns("loki-api", "t1", "rule-sync-team-a-api", API_GROUP).build());

            assertThat(plan.operations()).isEmpty();
            assertThat(lines(plan, Action.KEPT)).hasSize(3);
        }

        @Test
        void anInvalidObjectThatCannotBeNamedBlocksEveryDeleteOfItsTenant() {
            ObjectRef outside = new ObjectRef(ObjectRef.RULE_FILE, null, "../elsewhere/x.yaml", null);

            Plan plan = planner.plan(List.of(DesiredObject.invalid(outside, "stage", RuleType.METRICS),
                            metrics("stage", WEB, WEB_GROUP)),
                    remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP)
                            .ns("mimir", "stage", "rule-sync/team-a/web", WEB_GROUP,
                                    group("old", record("z", "1"))).build());

            assertThat(plan.operations()).isEmpty();
            assertThat(lines(plan, Action.KEPT)).extracting(Change::path)
                    .containsExactly("rule-sync/team-a/api/api.rules", "rule-sync/team-a/web/old");
            assertThat(plan.problems()).singleElement().extracting(Problem::check).isEqualTo("sync/naming");
        }

        @Test
        void aFailedListingPlansNothingForThatTenantAndTheOthersGoOn() {
            Plan plan = planner.plan(List.of(metrics("t1", API, API_GROUP), metrics("t2", API, API_GROUP)),
                    remote().failed("mimir", "t1", "connection refused")
                            .ns("mimir", "t2", "rule-sync/team-a/gone", WEB_GROUP).build());

            TenantPlan t1 = plan.tenants().get(0);
            assertThat(t1.key()).isEqualTo(new TargetKey("mimir", "t1"));
            assertThat(t1.failure()).isEqualTo("listing failed: connection refused");
            assertThat(t1.operations()).isEmpty();
            assertThat(t1.changes()).extracting(Change::action).containsOnly(Action.FAILED);
            assertThat(plan.tenants().get(1).operations()).extracting(PlanPrinter::line).containsExactly(
                    "+ create  mimir t2 rule-sync/team-a/api/api.rules",
                    "- delete  mimir t2 rule-sync/team-a/gone (namespace)");
            assertThat(plan.outcomeOf(API)).isEqualTo(Action.FAILED);
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.ERROR);
        }

        @Test
        void aTenantThatWasNotListedIsFailedNotEmpty() {
            Plan plan = planner.plan(List.of(metrics("t1", API, API_GROUP)), RemoteState.EMPTY);

            assertThat(plan.failedTenants()).singleElement().extracting(TenantPlan::failure).isEqualTo("not listed");
            assertThat(plan.operations()).isEmpty();
        }

        @Test
        void aNameTheTargetCannotStoreFailsThatGroupWithAProblem() {
            Planner lokiPlanner = new Planner(List.of(loki()), Pruning.PRUNE);
            Plan plan = lokiPlanner.plan(List.of(logs("t1", API, group("a/b", record("x", "1")),
                            group("fine", record("y", "1")))),
                    remote().empty("loki-api", "t1").build());

            assertThat(plan.operations()).extracting(Change::path).containsExactly("rule-sync-team-a-api/fine");
            assertThat(lines(plan, Action.FAILED)).extracting(Change::path).containsExactly("rule-sync-team-a-api/a/b");
            assertThat(plan.problems()).singleElement().satisfies(p -> {
                assertThat(p.check()).isEqualTo("sync/remote-name");
                assertThat(p.object()).isEqualTo(API);
                assertThat(p.group()).isEqualTo("a/b");
            });
        }
    }

    @Nested
    class Collisions {

        @Test
        void twoObjectsMappingToOneGroupAreReportedOnBothAndNeitherOverwrites() {
            Planner perNamespace = new Planner(List.of(new PlanTarget(mimirProfile("mimir"),
                    new NamingTemplate("rule-sync/{namespace}", "rule-sync/{path}"), WHITESPACE_LANGUAGE)),
                    Pruning.PRUNE);
            RuleGroup sameName = group("shared", record("a", "1"));
            RuleGroup other = group("shared", record("b", "2"));

            Plan plan = perNamespace.plan(List.of(metrics("t", API, sameName), metrics("t", WEB, other)),
                    remote().ns("mimir", "t", "rule-sync/team-a", sameName).build());

            assertThat(plan.operations()).isEmpty(); // not overwritten, not deleted
            assertThat(lines(plan, Action.KEPT)).singleElement().extracting(Change::sources)
                    .isEqualTo(List.of(API, WEB));
            assertThat(plan.problems()).extracting(Problem::object).containsExactlyInAnyOrder(API, WEB);
            assertThat(plan.problems()).allSatisfy(p -> assertThat(p.check()).isEqualTo("sync/name-collision"));
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.INVALID);
        }

        @Test
        void dashSeparatedLokiNamesThatRenderAlikeCollide() {
            Planner lokiPlanner = new Planner(List.of(loki()), Pruning.PRUNE);
            ObjectRef first = cr("a-b", "c");
            ObjectRef second = cr("a", "b-c");

            Plan plan = lokiPlanner.plan(List.of(logs("t", first, group("g", record("x", "1"))),
                    logs("t", second, group("g", record("y", "1")))), remote().empty("loki-api", "t").build());

            assertThat(plan.operations()).isEmpty();
            assertThat(plan.problems()).extracting(Problem::object).containsExactlyInAnyOrder(first, second);
        }

        @Test
        void differentGroupNamesInASharedNamespaceDoNotCollide() {
            Planner perNamespace = new Planner(List.of(new PlanTarget(mimirProfile("mimir"),
                    new NamingTemplate("rule-sync/{namespace}", "rule-sync/{path}"), WHITESPACE_LANGUAGE)),
                    Pruning.PRUNE);

            Plan plan = perNamespace.plan(List.of(metrics("t", API, API_GROUP), metrics("t", WEB, WEB_GROUP)),
                    remote().empty("mimir", "t").build());

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.operations()).hasSize(2);
        }
    }

    @Nested
    class WithoutPruning {

        private final Planner partial = new Planner(List.of(mimir()), Pruning.KEEP);
        private final RemoteState remote = remote()
                .ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP, group("old.rules", record("x", "1")))
                .ns("mimir", "stage", "rule-sync/team-a/web", WEB_GROUP)
                .ns("mimir", "stage", "rule-sync/team-b/other", WEB_GROUP).build();

        @Test
        void namespacesNoGivenObjectMapsToAreLeftAndListedAsNotPruned() {
            Plan plan = partial.plan(List.of(metrics("stage", API, API_GROUP)), remote);

            assertThat(plan.operations()).extracting(PlanPrinter::line)
                    .containsExactly("- delete  mimir stage rule-sync/team-a/api/old.rules");
            assertThat(plan.unpruned()).extracting(NamespaceKey::namespace)
                    .containsExactly("rule-sync/team-a/web", "rule-sync/team-b/other");
            assertThat(plan.format()).contains(
                    "  = not pruned  mimir stage rule-sync/team-a/web (namespace): no given object maps to it",
                    "; 2 namespaces not pruned (--prune deletes them)");
            // the same input, pruning: both are deleted
            assertThat(planner.plan(List.of(metrics("stage", API, API_GROUP)), remote).operations())
                    .extracting(PlanPrinter::line).contains(
                            "- delete  mimir stage rule-sync/team-a/web (namespace)",
                            "- delete  mimir stage rule-sync/team-b/other (namespace)");
        }

        @Test
        void onlyUnprunedNamespacesAreNoPendingChange() {
            Plan plan = partial.plan(List.of(metrics("stage", API, API_GROUP, group("old.rules", record("x", "1")))),
                    remote);

            assertThat(plan.operations()).isEmpty();
            assertThat(plan.unpruned()).hasSize(2);
            assertThat(ExitCode.ofPlan(plan)).isEqualTo(ExitCode.OK);
        }

        @Test
        void aGivenObjectWithNoGroupsStillLosesItsNamespace() {
            Plan plan = partial.plan(List.of(metrics("stage", WEB)), remote);

            assertThat(plan.operations()).extracting(PlanPrinter::line)
                    .containsExactly("- delete  mimir stage rule-sync/team-a/web (namespace)");
            assertThat(plan.unpruned()).extracting(NamespaceKey::namespace)
                    .containsExactly("rule-sync/team-a/api", "rule-sync/team-b/other");
        }

        @Test
        void knownTenantsAreListedOnlyWhenPruning() {
            List<DesiredObject> desired = List.of(metrics("stage", API, API_GROUP));

            assertThat(partial.tenantsToList(desired, Set.of("prod"))).isEqualTo(Map.of("mimir", Set.of("stage")));
            assertThat(planner.tenantsToList(desired, Set.of("prod")))
                    .isEqualTo(Map.of("mimir", Set.of("prod", "stage")));
        }
    }

    @Test
    void oneObjectDefinedInTwoFilesCollidesAndSaysWhere() {
        DesiredObject first = metrics("t", API, API_GROUP).withPosition(new Position("a.yaml", 4, 9));
        DesiredObject second = metrics("t", API, API_GROUP).withPosition(new Position("b.yaml", 4, 9));

        Plan plan = planner.plan(List.of(first, second), remote().empty("mimir", "t").build());

        assertThat(plan.operations()).isEmpty();
        assertThat(plan.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                "group 'api.rules' maps to mimir tenant t namespace rule-sync/team-a/api, as does the same group of "
                        + "PrometheusRule(team-a/api) at b.yaml:4:9; neither is synced",
                "group 'api.rules' maps to mimir tenant t namespace rule-sync/team-a/api, as does the same group of "
                        + "PrometheusRule(team-a/api) at a.yaml:4:9; neither is synced");
    }

    @Nested
    class Slices {

        @Test
        void aSlicePlansOnlyItsNamespaceAndNeverDeletesOthers() {
            RemoteState remote = remote().ns("mimir", "stage", "rule-sync/team-a/api", group("old", record("x", "1")))
                    .ns("mimir", "stage", "rule-sync/team-b/orphan", WEB_GROUP).build();
            DesiredObject api = metrics("stage", API, API_GROUP);
            Set<NamespaceKey> keys = planner.keysOf(api);

            Plan plan = planner.plan(List.of(api), remote, Scope.of(keys));

            assertThat(keys).containsExactly(new NamespaceKey("mimir", "stage", "rule-sync/team-a/api"));
            assertThat(plan.operations()).extracting(PlanPrinter::line).containsExactly(
                    "+ create  mimir stage rule-sync/team-a/api/api.rules",
                    "- delete  mimir stage rule-sync/team-a/api/old");
        }

        @Test
        void aSliceOfADeletedObjectDeletesItsNamespace() {
            NamespaceKey gone = new NamespaceKey("mimir", "stage", "rule-sync/team-a/api");
            RemoteState remote = remote().ns("mimir", "stage", "rule-sync/team-a/api", API_GROUP)
                    .ns("mimir", "stage", "rule-sync/team-a/web", WEB_GROUP).build();

            Plan plan = planner.plan(List.of(), remote, Scope.of(Set.of(gone)));

            assertThat(plan.operations()).extracting(Change::path).containsExactly("rule-sync/team-a/api");
        }

        @Test
        void aSliceGivesTheSameLinesAsTheWholeWorldForItsNamespace() {
            List<DesiredObject> world = List.of(metrics("stage", API, API_GROUP), metrics("stage", WEB, WEB_GROUP));
            RemoteState remote = remote().ns("mimir", "stage", "rule-sync/team-a/web",
                    group("web.rules", record("job:req:rate5m", "rate(req[1m])"))).build();
            Set<NamespaceKey> keys = planner.keysOf(world.get(1));

            List<Change> whole = planner.plan(world, remote).operations().stream()
                    .filter(c -> keys.contains(c.where())).toList();
            List<Change> slice = planner.plan(List.of(world.get(1)), remote, Scope.of(keys)).operations();

            assertThat(slice).isEqualTo(whole).hasSize(1);
        }
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
