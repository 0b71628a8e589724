package dev.rulesync.plan;

import java.util.List;
import java.util.Map;

/**
 * The plan for one tenant on one target.
 *
 * @param key     target and tenant
 * @param failure why this tenant could not be planned (its listing failed), or null; a failed tenant has no operations
 * @param changes one line per group or namespace, ordered by namespace then group
 * @param unpruned owned remote namespaces that no given object maps to and that are left alone because the plan
 *                does not prune ({@link Pruning#KEEP}); {@code --prune} would delete them. Sorted.
 */
public record TenantPlan(TargetKey key, String failure, List<Change> changes, List<String> unpruned) {

    public TenantPlan {
        changes = changes == null ? List.of() : List.copyOf(changes);
        unpruned = unpruned == null ? List.of() : List.copyOf(unpruned);
        if (failure != null && changes.stream().anyMatch(c -> c.action().isOperation())) {
            throw new IllegalArgumentException(key + ": a failed tenant must not carry operations");
        }
    }

    public boolean failed() {
        return failure != null;
    }

    public List<Change> operations() {
        return changes.stream().filter(c -> c.action().isOperation()).toList();
    }

    public Map<Action, Long> counts() {
        return Plan.count(changes);
    }
}
