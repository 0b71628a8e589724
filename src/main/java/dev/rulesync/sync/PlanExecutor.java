package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.plan.Action;
import dev.rulesync.plan.Change;
import dev.rulesync.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a plan's operations with bounded concurrency (virtual threads, default 8 like mimirtool's
 * {@code --concurrency}). Every operation gets its own result; a failure never stops the others and is never
 * retried here (the client already retried transient errors briefly; permanent ones, such as limit errors, must
 * reach the user). DELETEs run before CREATE/UPDATE so that groups moving between namespaces free their slot in the
 * ruler's per-tenant group limit before the new ones are written.
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
        List<Change> deletes = plan.operations().stream().filter(c -> c.action() == Action.DELETE).toList();
        List<Change> writes = plan.operations().stream().filter(c -> c.action() != Action.DELETE).toList();
        List<OperationResult> results = new ArrayList<>(runner.run(deletes, c -> apply(c, targets)));
        results.addAll(runner.run(writes, c -> apply(c, targets)));
        return new SyncResult(plan, results);
    }

    private static OperationResult apply(Change change, Map<String, RulerTarget> targets) {
        RulerTarget target = targets.get(change.where().target());
        if (target == null) {
            return new OperationResult(change, false, "no target named " + change.where().target()
                    + " is configured", 0, true);
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
            return new OperationResult(change, false, e.getMessage(), e.status(), e.permanent());
        } catch (RuntimeException e) {
            return new OperationResult(change, false, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, false);
        }
    }
}
