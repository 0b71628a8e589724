package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.plan.Action;
import dev.rulesync.plan.Change;
import dev.rulesync.plan.Plan;
import dev.rulesync.plan.TargetKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a plan's operations with bounded concurrency (virtual threads, default 8 like mimirtool's
 * {@code --concurrency}). Every operation gets its own result; a failure never stops the others and is never
 * retried here (the client already retried transient errors briefly; permanent ones, such as limit errors, must
 * reach the user).
 *
 * <p>Make before break: every CREATE and UPDATE runs first, then the DELETEs. A group that moves between remote
 * namespaces (an object renamed, a new naming template, a migration) is a write of its new copy and a delete of
 * the old one, so it is never absent in between. A DELETE runs only if every write of its (target, tenant)
 * succeeded; otherwise it is {@link OperationResult.Outcome#HELD_BACK held back} and the next sync, which plans it
 * again, runs it once the writes go through. The plan does not say which delete a write replaces (a renamed group
 * or namespace has a new name), so the whole tenant's deletes wait: the safe side of not knowing.
 */
public final class PlanExecutor {

    public static final int DEFAULT_CONCURRENCY = 8;

    private final BoundedRunner runner;

    public PlanExecutor() {
        this(DEFAULT_CONCURRENCY);
    }

    public PlanExecutor(int concurrency) {
        this.runner = new BoundedRunner(concurrency);
    }

    public SyncResult execute(Plan plan, Map<String, RulerTarget> targets) {
        List<Change> writes = plan.operations().stream().filter(c -> c.action() != Action.DELETE).toList();
        List<Change> deletes = plan.operations().stream().filter(c -> c.action() == Action.DELETE).toList();
        List<OperationResult> results = new ArrayList<>(runner.run(writes, c -> apply(c, targets)));
        Set<TargetKey> failedWrites = results.stream().filter(r -> !r.ok())
                .map(r -> r.change().where().targetKey()).collect(Collectors.toSet());
        List<Change> safe = new ArrayList<>();
        for (Change d : deletes) {
            if (failedWrites.contains(d.where().targetKey())) {
                results.add(OperationResult.heldBack(d, "a write of " + d.where().targetKey()
                        + " failed, so nothing of it is deleted (make before break); a later sync deletes it"));
            } else {
                safe.add(d);
            }
        }
        results.addAll(runner.run(safe, c -> apply(c, targets)));
        return new SyncResult(plan, results);
    }

    private static OperationResult apply(Change change, Map<String, RulerTarget> targets) {
        RulerTarget target = targets.get(change.where().target());
        if (target == null) {
            return OperationResult.failed(change, "no target named " + change.where().target() + " is configured",
                    0, true);
        }
        String tenant = change.where().tenant();
        String namespace = change.where().namespace();
        try {
            switch (change.action()) {
                case CREATE, UPDATE -> target.setGroup(tenant, namespace, change.desired());
                case DELETE -> {
                    if (change.wholeNamespace()) target.deleteNamespace(tenant, namespace);
                    else target.deleteGroup(tenant, namespace, change.group());
                }
                default -> throw new IllegalArgumentException(change.action() + " is not an operation");
            }
            return OperationResult.ok(change);
        } catch (RulerException e) {
            return OperationResult.failed(change, e.getMessage(), e.status(), e.permanent());
        } catch (RuntimeException e) {
            return OperationResult.failed(change, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, false);
        }
    }
}
