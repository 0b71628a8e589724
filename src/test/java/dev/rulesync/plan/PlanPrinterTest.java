package dev.rulesync.plan;

import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rulesync.plan.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PlanPrinterTest {

    @Test
    void printsOneLinePerOperationWithChangedRulesThenASummary() {
        Planner planner = new Planner(List.of(mimir(), loki()), Pruning.PRUNE);
        Plan plan = planner.plan(List.of(
                        metrics("stage", cr("ns", "new"), group("g1", record("a", "1"))),
                        metrics("stage", cr("ns", "changed"), group("g2",
                                alert("High", "x > 2", "5m", Map.of("severity", "page")), record("added", "1"))),
                        metrics("stage", cr("ns", "same"), group("g3", record("s", "1"))),
                        DesiredObject.invalid(cr("ns", "bad"), "stage", RuleType.METRICS),
                        logs("t1", cr("ns", "logs"), group("l", record("r", "1")))),
                remote().ns("mimir", "stage", "rule-sync/ns/changed", group("g2",
                                alert("High", "x > 1", "5m", Map.of("severity", "ticket"))))
                        .ns("mimir", "stage", "rule-sync/ns/same", group("g3", record("s", "1")))
                        .ns("mimir", "stage", "rule-sync/ns/bad", group("g4", record("b", "1")))
                        .ns("mimir", "stage", "rule-sync/ns/gone", group("g5", record("b", "1")))
                        .failed("loki-api", "t1", "connection refused").build());

        assertThat(plan.format()).isEqualTo("""
                loki-api t1: FAILED listing failed: connection refused; nothing planned
                mimir stage
                  = kept    mimir stage rule-sync/ns/bad/g4: PrometheusRule(ns/bad) is invalid; its last good version stays
                  ~ update  mimir stage rule-sync/ns/changed/g2
                      ~ rule High: expr, labels
                      + rule added
                  - delete  mimir stage rule-sync/ns/gone (namespace)
                  + create  mimir stage rule-sync/ns/new/g1
                Summary: 1 to create, 1 to update, 1 to delete, 1 unchanged, 1 kept, 1 failed; 1 invalid object not synced; 1 tenant failed
                """);
    }

    @Test
    void anInSyncPlanPrintsOnlyTheSummary() {
        Plan plan = new Planner(List.of(mimir()), Pruning.PRUNE).plan(List.of(), remote().empty("mimir", "t").build());
        assertThat(plan.format()).isEqualTo(
                "Summary: 0 to create, 0 to update, 0 to delete, 0 unchanged, 0 kept, 0 failed\n");
    }
}
