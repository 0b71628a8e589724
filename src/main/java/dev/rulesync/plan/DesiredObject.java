package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.util.List;
import java.util.Objects;

/**
 * One source object as the planner sees it: where it goes and what it wants, after loading, classification and
 * validation. The lead adapts the classifier's output to this record.
 *
 * <p>An object that is not {@code valid} (any ERROR problem, or a file that could not be read as objects) is never
 * synced: its remote namespace is KEPT as it is. Its {@code tenant} and {@code type} may be unknown (null) when the
 * error is exactly that they could not be determined; then its namespace is kept in every tenant of every matching
 * target, because the planner cannot know where its last good version lives.
 *
 * @param ref    the object's identity (PrometheusRule or RuleFile)
 * @param at     where the object was read, for the problems planning finds on it ({@link Position#UNKNOWN} when
 *               it did not come from a file)
 * @param tenant the tenant its groups go to; null only for invalid objects whose tenant is unknown
 * @param type   which rulers it goes to; null only for invalid objects whose type is unknown
 * @param groups its validated groups, final as they are to be sent (external labels etc. already applied)
 * @param valid  false when the object has an ERROR problem and must keep its last good remote version
 */
public record DesiredObject(ObjectRef ref, Position at, String tenant, RuleType type, List<RuleGroup> groups,
                            boolean valid) {

    public DesiredObject {
        Objects.requireNonNull(ref, "ref");
        at = at == null ? Position.UNKNOWN : at;
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (valid && (tenant == null || type == null)) {
            throw new IllegalArgumentException(ref + ": a valid object needs a tenant and a type");
        }
    }

    public static DesiredObject valid(ObjectRef ref, String tenant, RuleType type, List<RuleGroup> groups) {
        return new DesiredObject(ref, Position.UNKNOWN, tenant, type, groups, true);
    }

    /** An object that must not be synced; tenant and type may be null when they are unknown. */
    public static DesiredObject invalid(ObjectRef ref, String tenant, RuleType type) {
        return new DesiredObject(ref, Position.UNKNOWN, tenant, type, List.of(), false);
    }

    /** The same object, read at {@code position}. */
    public DesiredObject withPosition(Position position) {
        return new DesiredObject(ref, position, tenant, type, groups, valid);
    }

    /** Whether this object takes part in planning the given target type and tenant. */
    boolean concerns(RuleType targetType, String targetTenant) {
        boolean typeMatches = type == null ? !valid : type == targetType;
        boolean tenantMatches = tenant == null ? !valid : tenant.equals(targetTenant);
        return typeMatches && tenantMatches;
    }
}
