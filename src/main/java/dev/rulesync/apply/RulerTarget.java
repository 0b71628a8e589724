package dev.rulesync.apply;

import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.TenantIds;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One place rule groups live: Mimir's ruler API, Loki's ruler API, or Loki's S3 rule store.
 * All calls are blocking and thread-safe; callers bound concurrency. Every call either succeeds or throws
 * {@link RulerException}: a listing is never partial, so a failed listing can never be mistaken for "no groups".
 */
public interface RulerTarget {

    /** Short name for plans, logs and metrics: {@code mimir}, {@code loki-api}, {@code loki-s3}. */
    String name();

    /** Which rule objects this target serves. */
    RuleType type();

    /** Every group of the tenant, by remote namespace; an empty map when the tenant has none. */
    Map<String, List<RuleGroup>> list(String tenant);

    /**
     * Every group of one remote namespace of the tenant; an empty list when it has none (a namespace exists only
     * through its groups). What a reconcile of one namespace reads instead of the whole tenant: one request on the
     * rulers' APIs, and on S3 only that namespace's objects instead of every object of the tenant. Never partial,
     * like {@link #list(String)}.
     */
    List<RuleGroup> list(String tenant, String namespace);

    /** One group, or empty when it does not exist. */
    Optional<RuleGroup> get(String tenant, String namespace, String group);

    /** Creates or replaces one group in a namespace. */
    void setGroup(String tenant, String namespace, RuleGroup group);

    /** Deletes one group; deleting a missing group is not an error. */
    void deleteGroup(String tenant, String namespace, String group);

    /** Deletes a whole namespace; deleting a missing namespace is not an error. */
    void deleteNamespace(String tenant, String namespace);

    /**
     * The group as this ruler would store it: fields the ruler drops (for example Loki drops query_offset, group
     * labels and keep_firing_for) are removed, so that desired and listed groups compare like with like and drift
     * settles. Expressions are left as they are; the planner compares them by canonical form.
     */
    RuleGroup stored(RuleGroup group);

    /** Why a namespace or group name cannot be stored by this target (e.g. '/' on Loki), or empty when it can. */
    Optional<String> nameProblem(String namespace, String group);

    /**
     * The tenant id, checked before a call: the rulers refuse an invalid one, and the S3 store puts it into object
     * keys verbatim. An invalid id is a permanent failure of {@code target}.
     */
    static String validTenant(String target, String tenant) {
        TenantIds.problem(tenant).ifPresent(p -> {
            throw new RulerException(target + ": " + p, 0, true, null);
        });
        return tenant;
    }
}
