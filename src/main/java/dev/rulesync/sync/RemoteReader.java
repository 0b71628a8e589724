package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.plan.Listing;
import dev.rulesync.plan.RemoteState;
import dev.rulesync.plan.TargetKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    private static Listing list(RulerTarget target, TargetKey key) {
        if (target == null) return new Listing.Failed("no target named " + key.target() + " is configured", true);
        try {
            return new Listing.Listed(target.list(key.tenant()));
        } catch (RulerException e) {
            return new Listing.Failed(e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // A bug or an unexpected client error must still not look like "no groups".
            return new Listing.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }
}
