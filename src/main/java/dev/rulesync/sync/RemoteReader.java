package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.plan.Listing;
import dev.rulesync.plan.NamespaceKey;
import dev.rulesync.plan.RemoteState;
import dev.rulesync.plan.TargetKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Lists every (target, tenant) the planner needs, with bounded concurrency. A listing that throws becomes
 * {@link Listing.Failed} for that tenant alone; the others are still listed, and the planner plans nothing for it.
 */
public final class RemoteReader {

    private final BoundedRunner runner;

    public RemoteReader(int concurrency) {
        this.runner = new BoundedRunner(concurrency);
    }

    /**
     * @param targets          the targets by name
     * @param tenantsByTarget  which tenants to list on each target (see {@code Planner.tenantsToList})
     */
    public RemoteState read(Map<String, RulerTarget> targets, Map<String, Set<String>> tenantsByTarget) {
        List<TargetKey> keys = new ArrayList<>();
        tenantsByTarget.forEach((target, tenants) -> tenants.forEach(t -> keys.add(new TargetKey(target, t))));
        List<Listing> listings = runner.run(keys, key -> list(targets.get(key.target()), key));
        Map<TargetKey, Listing> out = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) out.put(keys.get(i), listings.get(i));
        return new RemoteState(out);
    }

    /**
     * Lists only the given remote namespaces, one call each ({@link RulerTarget#list(String, String)}): the input of
     * a slice plan ({@code Scope.of(keys)}), costing what the slice holds instead of what its tenants hold. A tenant
     * with any namespace that could not be listed is {@link Listing.Failed} as a whole, so that a slice never plans
     * on a partial view either.
     */
    public RemoteState readNamespaces(Map<String, RulerTarget> targets, Set<NamespaceKey> keys) {
        List<NamespaceKey> ordered = List.copyOf(new TreeSet<>(keys));
        // a namespace exists only through its groups: an empty one is left out, as a tenant listing leaves it out
        List<Listing> listings = runner.run(ordered, key -> list(targets.get(key.target()), key.targetKey(), t -> {
            List<RuleGroup> groups = t.list(key.tenant(), key.namespace());
            return groups.isEmpty() ? Map.of() : Map.of(key.namespace(), groups);
        }));
        Map<TargetKey, Map<String, List<RuleGroup>>> listed = new TreeMap<>();
        Map<TargetKey, Listing> failed = new TreeMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            TargetKey tenant = ordered.get(i).targetKey();
            switch (listings.get(i)) {
                case Listing.Listed l -> listed.computeIfAbsent(tenant, k -> new TreeMap<>()).putAll(l.namespaces());
                case Listing.Failed f -> failed.putIfAbsent(tenant, f);
            }
        }
        Map<TargetKey, Listing> out = new TreeMap<>();
        listed.forEach((tenant, namespaces) -> out.put(tenant, new Listing.Listed(namespaces)));
        out.putAll(failed);
        return new RemoteState(out);
    }

    private static Listing list(RulerTarget target, TargetKey key) {
        return list(target, key, t -> t.list(key.tenant()));
    }

    private static Listing list(RulerTarget target, TargetKey key,
                                Function<RulerTarget, Map<String, List<RuleGroup>>> call) {
        if (target == null) return new Listing.Failed("no target named " + key.target() + " is configured", true);
        try {
            return new Listing.Listed(call.apply(target));
        } catch (RulerException e) {
            return new Listing.Failed(e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // A bug or an unexpected client error must still not look like "no groups".
            return new Listing.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }
}
