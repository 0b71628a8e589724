package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between desired and remote state, as a value (the idea of mimirtool's compare.go): {@code plan}
 * prints it, {@code sync} and the controller execute it. Immutable.
 *
 * @param tenants        one entry per (target, tenant), ordered by target then tenant
 * @param problems       problems found while planning: name collisions, names a target cannot store, objects that
 *                       cannot be named; each names its object
 * @param invalidObjects objects that are not synced at all (invalid on input, or unnamed): their remote versions stay
 */
public record Plan(List<TenantPlan> tenants, List<Problem> problems, Set<ObjectRef> invalidObjects) {

    public Plan {
        tenants = List.copyOf(tenants);
        problems = List.copyOf(problems);
        invalidObjects = Set.copyOf(invalidObjects);
    }

    /** Every CREATE, UPDATE and DELETE, in plan order. */
    public List<Change> operations() {
        return tenants.stream().flatMap(t -> t.operations().stream()).toList();
    }

    public boolean hasChanges() {
        return tenants.stream().anyMatch(t -> !t.operations().isEmpty());
    }

    /** Owned remote namespaces left alone because the plan does not prune; {@code --prune} would delete them. */
    public List<NamespaceKey> unpruned() {
        return tenants.stream().flatMap(t -> t.unpruned().stream().map(ns -> t.key().namespace(ns))).toList();
    }

    public List<TenantPlan> failedTenants() {
        return tenants.stream().filter(TenantPlan::failed).toList();
    }

    /** How many lines of each action the plan has (NOOP, KEPT and FAILED included). */
    public Map<Action, Long> counts() {
        return count(tenants.stream().flatMap(t -> t.changes().stream()).toList());
    }

    /**
     * One word for an object's status: KEPT when it is not synced because it is invalid; otherwise the most telling
     * action among its groups (FAILED, then KEPT, then UPDATE, CREATE), NOOP when nothing changes.
     */
    public Action outcomeOf(ObjectRef ref) {
        if (invalidObjects.contains(ref)) return Action.KEPT;
        Action worst = Action.NOOP;
        for (TenantPlan t : tenants) {
            for (Change c : t.changes()) {
                if (c.sources().contains(ref) && rank(c.action()) > rank(worst)) worst = c.action();
            }
        }
        return worst;
    }

    private static int rank(Action a) {
        return switch (a) {
            case NOOP, DELETE -> 0;
            case CREATE -> 1;
            case UPDATE -> 2;
            case KEPT -> 3;
            case FAILED -> 4;
        };
    }

    static Map<Action, Long> count(Collection<Change> changes) {
        Map<Action, Long> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) counts.put(a, 0L);
        changes.forEach(c -> counts.merge(c.action(), 1L, Long::sum));
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** The printed plan, as {@code rule-sync plan} shows it. */
    public String format() {
        return PlanPrinter.format(this);
    }

    @Override
    public String toString() {
        return format();
    }
}
