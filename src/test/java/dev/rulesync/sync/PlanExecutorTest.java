package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.Action;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.ExitCode;
import dev.rulesync.plan.Listing;
import dev.rulesync.plan.NamespaceKey;
import dev.rulesync.plan.NamingTemplate;
import dev.rulesync.plan.Plan;
import dev.rulesync.plan.PlanTarget;
import dev.rulesync.plan.Planner;
import dev.rulesync.plan.Pruning;
import dev.rulesync.plan.RemoteState;
import dev.rulesync.plan.TargetKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.rulesync.plan.Fixtures.WHITESPACE_LANGUAGE;
import static dev.rulesync.plan.Fixtures.cr;
import static dev.rulesync.plan.Fixtures.group;
import static dev.rulesync.plan.Fixtures.metrics;
import static dev.rulesync.plan.Fixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

class PlanExecutorTest {

    private final InMemoryRulerTarget mimir = new InMemoryRulerTarget("mimir", RuleType.METRICS);
    private final Map<String, RulerTarget> rulers = Map.of("mimir", mimir);
    private final Planner planner = new Planner(List.of(
            PlanTarget.of(mimir, NamingTemplate.defaultFor(RuleType.METRICS), WHITESPACE_LANGUAGE)), Pruning.PRUNE);

    private List<DesiredObject> objects(int n) {
        return IntStream.range(0, n).mapToObj(i -> metrics("t", cr("ns", "obj" + i),
                group("g" + i, record("r" + i, "sum(x" + i + ")")))).toList();
    }

    private Plan planAgainstTarget(List<DesiredObject> desired) {
        return planner.plan(desired, new RemoteState(Map.of(new TargetKey("mimir", "t"),
                new Listing.Listed(mimir.list("t")))));
    }

    @Test
    void appliesEveryOperationAndASecondPlanIsEmpty() {
        mimir.put("t", "rule-sync/ns/gone", group("old", record("o", "1")));
        List<DesiredObject> desired = objects(5);

        SyncResult result = new PlanExecutor(2).execute(planAgainstTarget(desired), rulers);

        assertThat(result.failures()).isEmpty();
        assertThat(result.applied()).containsEntry(Action.CREATE, 5L).containsEntry(Action.DELETE, 1L);
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(mimir.list("t")).containsOnlyKeys(
                IntStream.range(0, 5).mapToObj(i -> "rule-sync/ns/obj" + i).toArray(String[]::new));
        assertThat(planAgainstTarget(desired).operations()).isEmpty();
    }

    @Test
    void aRefusedOperationIsReportedAndTheOthersStillApply() {
        mimir.failing(call -> call.op().equals("set") && call.group().equals("g2")
                ? new RulerException("per-user rule groups limit (limit: 70 actual: 71) exceeded", 400, true, null)
                : null);

        SyncResult result = new PlanExecutor(3).execute(planAgainstTarget(objects(5)), rulers);

        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.change().group()).isEqualTo("g2");
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.permanent()).isTrue();
        });
        assertThat(result.applied()).containsEntry(Action.CREATE, 4L);
        assertThat(mimir.list("t")).hasSize(4);
        assertThat(mimir.calls().stream().filter(c -> "g2".equals(c.group()))).hasSize(1); // not retried
        assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(result.format()).contains(
                "+ create  mimir t rule-sync/ns/obj2/g2: FAILED (400) per-user rule groups limit (limit: 70 actual: 71)"
                        + " exceeded [permanent, not retried]",
                "Sync: 4 created, 0 updated, 0 deleted, 0 unchanged, 0 kept, 1 failed");
    }

    @Test
    void anUnexpectedExceptionIsAFailedOperationNotACrash() {
        mimir.failing(call -> {
            if (call.op().equals("set") && call.group().equals("g0")) throw new IllegalStateException("client bug");
            return null;
        });

        SyncResult result = new PlanExecutor(1).execute(planAgainstTarget(objects(2)), rulers);

        assertThat(result.failures()).singleElement().extracting(OperationResult::error)
                .isEqualTo("IllegalStateException: client bug");
        assertThat(result.applied()).containsEntry(Action.CREATE, 1L);
    }

    @Test
    void neverMoreThanTheConfiguredNumberOfCallsAreInFlight() throws InterruptedException {
        int bound = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch boundReached = new CountDownLatch(bound);
        CountDownLatch release = new CountDownLatch(1);
        mimir.beforeWrite(call -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            boundReached.countDown();
            try {
                // Hold the first calls until `bound` of them are in flight at once; a missing bound lets more in.
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        Plan plan = planAgainstTarget(objects(12));
        Thread runner = Thread.ofVirtual().start(() -> new PlanExecutor(bound).execute(plan, rulers));

        assertThat(boundReached.await(10, TimeUnit.SECONDS)).as("calls run concurrently up to the bound").isTrue();
        release.countDown();
        runner.join();

        assertThat(maxInFlight.get()).isEqualTo(bound);
        assertThat(mimir.list("t")).hasSize(12);
    }

    @Test
    void everyWriteRunsBeforeAnyDeleteSoAMovedGroupIsNeverAbsent() {
        for (int i = 0; i < 4; i++) mimir.put("t", "rule-sync/ns/old" + i, group("g" + i, record("r" + i, "x")));

        SyncResult result = new PlanExecutor(4).execute(planAgainstTarget(objects(4)), rulers);

        List<String> ops = mimir.calls().stream().map(InMemoryRulerTarget.Call::op)
                .filter(op -> !op.equals("list")).toList();
        assertThat(ops).hasSize(8);
        assertThat(ops.subList(0, 4)).containsOnly("set");
        assertThat(ops.subList(4, 8)).containsOnly("deleteNamespace");
        assertThat(result.applied()).containsEntry(Action.CREATE, 4L).containsEntry(Action.DELETE, 4L);
    }

    @Test
    void aFailedWriteHoldsBackEveryDeleteOfItsTenantOnly() {
        // g1 moves from rule-sync/ns/old to rule-sync/ns/obj1 in tenant t; its new copy is refused
        mimir.put("t", "rule-sync/ns/old", group("g1", record("r1", "sum(x1)")));
        mimir.put("t", "rule-sync/ns/obj0", group("g0", record("r0", "sum(x0)")));
        mimir.put("t", "rule-sync/ns/obj0", group("stale", record("s", "1")));
        mimir.put("u", "rule-sync/ns/gone", group("g", record("r", "1")));
        mimir.failing(call -> call.op().equals("set") && call.group().equals("g1")
                ? new RulerException("per-user rule groups limit (limit: 2 actual: 3) exceeded", 400, true, null)
                : null);
        Plan plan = planner.plan(objects(2), new RemoteState(Map.of(
                new TargetKey("mimir", "t"), new Listing.Listed(mimir.list("t")),
                new TargetKey("mimir", "u"), new Listing.Listed(mimir.list("u")))));

        SyncResult result = new PlanExecutor(2).execute(plan, rulers);

        assertThat(result.heldBack()).extracting(r -> r.change().path()).containsExactlyInAnyOrder(
                "rule-sync/ns/old", "rule-sync/ns/obj0/stale");
        assertThat(mimir.list("t")).containsKey("rule-sync/ns/old");
        assertThat(mimir.list("t").get("rule-sync/ns/obj0")).extracting(RuleGroup::name).contains("stale");
        assertThat(mimir.list("u")).as("another tenant's deletes still run").isEmpty();
        assertThat(result.failures()).singleElement().extracting(r -> r.change().group()).isEqualTo("g1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(result.format()).contains(
                "- delete  mimir t rule-sync/ns/old (namespace): HELD BACK a write of mimir t failed, so nothing of "
                        + "it is deleted (make before break); a later sync deletes it",
                "Sync: 0 created, 0 updated, 1 deleted, 1 unchanged, 0 kept, 1 failed; 2 delete(s) held back");
    }

    @Test
    void theRemoteReaderIsolatesAFailingTenant() {
        mimir.put("t2", "rule-sync/ns/a", group("g", record("r", "1")));
        mimir.failing(call -> call.op().equals("list") && call.tenant().equals("t1")
                ? new RulerException("401 no org id", 401, true, null) : null);

        RemoteState state = new RemoteReader(2).read(rulers, Map.of("mimir", Set.of("t1", "t2"), "missing",
                Set.of("t3")));

        assertThat(state.listing(new TargetKey("mimir", "t1"))).contains(new Listing.Failed("401 no org id", true));
        assertThat(state.listing(new TargetKey("mimir", "t2"))).get().isInstanceOf(Listing.Listed.class);
        assertThat(state.listing(new TargetKey("missing", "t3"))).get().isInstanceOf(Listing.Failed.class);
    }

    @Test
    void aSlicePlanListsOnlyItsNamespaces() {
        for (int i = 0; i < 5; i++) mimir.put("t", "rule-sync/ns/obj" + i, group("g" + i, record("r" + i, "old")));
        mimir.put("t", "rule-sync/ns/deleted", group("g", record("r", "1")));
        SyncEngine engine = new SyncEngine(List.of(
                PlanTarget.of(mimir, NamingTemplate.defaultFor(RuleType.METRICS), WHITESPACE_LANGUAGE)),
                rulers, 4, Pruning.PRUNE);
        DesiredObject changed = objects(5).get(2);
        Set<NamespaceKey> keys = new java.util.TreeSet<>(engine.planner().keysOf(changed));
        keys.add(new NamespaceKey("mimir", "t", "rule-sync/ns/deleted")); // its object went away
        keys.add(new NamespaceKey("mimir", "t", "rule-sync/ns/never-was"));

        Plan plan = engine.planSlice(List.of(changed), keys);

        assertThat(mimir.calls()).extracting(InMemoryRulerTarget.Call::toString).containsExactlyInAnyOrder(
                "listNamespace t rule-sync/ns/obj2", "listNamespace t rule-sync/ns/deleted",
                "listNamespace t rule-sync/ns/never-was");
        assertThat(plan.operations()).extracting(dev.rulesync.plan.PlanPrinter::line).containsExactly(
                "- delete  mimir t rule-sync/ns/deleted (namespace)",
                "~ update  mimir t rule-sync/ns/obj2/g2");
    }

    @Test
    void theEngineSyncsGoodObjectsKeepsBadOnesAndReportsAFailedTenant() {
        InMemoryRulerTarget other = new InMemoryRulerTarget("mimir-b", RuleType.METRICS)
                .failing(call -> call.op().equals("list") ? new RulerException("connect timed out", 0, false, null)
                        : null);
        mimir.put("t", "rule-sync/ns/bad", group("last-good", record("r", "1")));
        SyncEngine engine = new SyncEngine(List.of(
                PlanTarget.of(mimir, NamingTemplate.defaultFor(RuleType.METRICS), WHITESPACE_LANGUAGE),
                PlanTarget.of(other, NamingTemplate.defaultFor(RuleType.METRICS), WHITESPACE_LANGUAGE)),
                Map.of("mimir", mimir, "mimir-b", other), 4, Pruning.PRUNE);
        List<DesiredObject> desired = new ArrayList<>(objects(2));
        desired.add(DesiredObject.invalid(cr("ns", "bad"), "t", RuleType.METRICS));

        SyncResult result = engine.sync(desired, Set.of());

        assertThat(mimir.list("t")).containsOnlyKeys("rule-sync/ns/obj0", "rule-sync/ns/obj1", "rule-sync/ns/bad");
        assertThat(mimir.list("t").get("rule-sync/ns/bad")).extracting(RuleGroup::name).containsExactly("last-good");
        assertThat(other.calls()).extracting(InMemoryRulerTarget.Call::op).containsExactly("list");
        assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(result.format()).startsWith("mimir-b t: FAILED listing failed: connect timed out; nothing applied\n");
    }
}
