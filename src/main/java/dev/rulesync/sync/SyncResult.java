package dev.rulesync.sync;

import dev.rulesync.plan.Action;
import dev.rulesync.plan.ExitCode;
import dev.rulesync.plan.Plan;
import dev.rulesync.plan.PlanPrinter;
import dev.rulesync.plan.TenantPlan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of executing a plan: one result per operation, plus the plan itself (for its failed tenants, KEPT
 * groups and invalid objects, which were never sent).
 */
public record SyncResult(Plan plan, List<OperationResult> results) {

    public SyncResult {
        results = List.copyOf(results);
    }

    /** Operations the ruler refused or that could not be sent. */
    public List<OperationResult> failures() {
        return results.stream().filter(r -> r.outcome() == OperationResult.Outcome.FAILED).toList();
    }

    /** DELETEs not sent because a write of their tenant failed (make before break). */
    public List<OperationResult> heldBack() {
        return results.stream().filter(r -> r.outcome() == OperationResult.Outcome.HELD_BACK).toList();
    }

    /** Operations applied, by action (CREATE, UPDATE, DELETE); failed ones are not counted here. */
    public Map<Action, Long> applied() {
        Map<Action, Long> counts = new EnumMap<>(Action.class);
        for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.DELETE)) counts.put(a, 0L);
        results.stream().filter(OperationResult::ok).forEach(r -> counts.merge(r.change().action(), 1L, Long::sum));
        return counts;
    }

    /** A held-back delete always comes with a failed write, so it needs no exit code of its own. */
    public ExitCode exitCode() {
        return ExitCode.ofSync(plan, !failures().isEmpty());
    }

    /** Every failure with its reason, then one summary line: what {@code rule-sync sync} prints. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (TenantPlan t : plan.failedTenants()) {
            out.append(t.key()).append(": FAILED ").append(t.failure()).append("; nothing applied\n");
        }
        failures().forEach(f -> out.append(f).append('\n'));
        heldBack().forEach(h -> out.append(h).append('\n'));
        Map<Action, Long> n = applied();
        Map<Action, Long> planned = plan.counts();
        out.append("Sync: ").append(n.get(Action.CREATE)).append(" created, ").append(n.get(Action.UPDATE))
                .append(" updated, ").append(n.get(Action.DELETE)).append(" deleted, ")
                .append(planned.get(Action.NOOP)).append(" unchanged, ").append(planned.get(Action.KEPT))
                .append(" kept, ").append(failures().size() + planned.get(Action.FAILED)).append(" failed");
        if (!heldBack().isEmpty()) {
            out.append("; ").append(heldBack().size()).append(" delete(s) held back");
        }
        if (!plan.invalidObjects().isEmpty()) {
            out.append("; ").append(plan.invalidObjects().size()).append(" invalid object(s) not synced");
        }
        if (!plan.failedTenants().isEmpty()) {
            out.append("; ").append(plan.failedTenants().size()).append(" tenant(s) failed");
        }
        return out.append('\n').toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Convenience for callers that print the plan before executing it. */
    public String planText() {
        return PlanPrinter.format(plan);
    }
}
