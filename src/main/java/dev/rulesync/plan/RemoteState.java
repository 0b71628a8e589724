package dev.rulesync.plan;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the rulers hold, as listed just before planning: one {@link Listing} per (target, tenant). A tenant that was
 * not listed at all counts as failed, so nothing is ever deleted on the strength of a listing that did not happen.
 * For a slice plan, a listing may hold only the namespaces of the slice (the controller's cache).
 */
public record RemoteState(Map<TargetKey, Listing> listings) {

    public static final RemoteState EMPTY = new RemoteState(Map.of());

    public RemoteState {
        listings = java.util.Collections.unmodifiableMap(new TreeMap<>(listings));
    }

    public Optional<Listing> listing(TargetKey key) {
        return Optional.ofNullable(listings.get(key));
    }

    public RemoteState with(TargetKey key, Listing listing) {
        Map<TargetKey, Listing> copy = new TreeMap<>(listings);
        copy.put(key, listing);
        return new RemoteState(copy);
    }
}
