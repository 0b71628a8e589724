package dev.rulesync.sync;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.plan.DesiredObject;
import dev.rulesync.plan.NamespaceKey;
import dev.rulesync.plan.Plan;
import dev.rulesync.plan.PlanTarget;
import dev.rulesync.plan.Planner;
import dev.rulesync.plan.Pruning;
import dev.rulesync.plan.RemoteState;
import dev.rulesync.plan.Scope;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three steps the {@code plan} and {@code sync} commands run, composed: list the tenants the objects need, plan,
 * and (for sync) execute. Each step is usable alone; the controller uses {@link Planner} on slices instead.
 */
public final class SyncEngine {

    private final Planner planner;
    private final Map<String, RulerTarget> rulers;
    private final RemoteReader reader;
    private final PlanExecutor executor;

    /**
     * @param targets     each target with its naming and expression language
     * @param rulers      the same targets' clients, by name
     * @param concurrency how many ruler calls may be in flight at once
     * @param pruning     whether owned namespaces no given object maps to are deleted (see {@link Pruning})
     */
    public SyncEngine(List<PlanTarget> targets, Map<String, RulerTarget> rulers, int concurrency, Pruning pruning) {
        this.planner = new Planner(targets, pruning);
        this.rulers = Map.copyOf(new LinkedHashMap<>(rulers));
        this.reader = new RemoteReader(concurrency);
        this.executor = new PlanExecutor(concurrency);
    }

    public Planner planner() {
        return planner;
    }

    /**
     * Lists what is needed and plans; when pruning, {@code knownTenants} are listed even with no object left (for
     * cleanup).
     */
    public Plan plan(Collection<DesiredObject> desired, Set<String> knownTenants) {
        RemoteState remote = reader.read(rulers, planner.tenantsToList(desired, knownTenants));
        return planner.plan(desired, remote);
    }

    /**
     * Plans a slice: lists only these remote namespaces and plans only them ({@link Scope}), so a reconcile costs
     * what it touches. {@code desired} holds the objects that render to the keys; a key no object maps to any more
     * is deleted when pruning.
     */
    public Plan planSlice(Collection<DesiredObject> desired, Set<NamespaceKey> keys) {
        return planner.plan(desired, reader.readNamespaces(rulers, keys), Scope.of(keys));
    }

    public SyncResult execute(Plan plan) {
        return executor.execute(plan, rulers);
    }

    public SyncResult sync(Collection<DesiredObject> desired, Set<String> knownTenants) {
        return execute(plan(desired, knownTenants));
    }
}
