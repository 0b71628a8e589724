package dev.rulesync.plan;

import java.util.Set;

/**
 * What part of the world a plan covers: everything, or a set of remote namespaces. Planning a slice costs what the
 * slice holds, so the controller can re-plan only the namespaces an event touched. For a slice, the caller passes the
 * source objects that render to those namespaces (see {@link Planner#keysOf}); other objects are ignored anyway.
 */
public sealed interface Scope {

    Scope ALL = new All();

    record All() implements Scope {
    }

    record Namespaces(Set<NamespaceKey> keys) implements Scope {
        public Namespaces {
            keys = Set.copyOf(keys);
        }
    }

    static Scope of(Set<NamespaceKey> keys) {
        return new Namespaces(keys);
    }

    default boolean covers(TargetKey key) {
        return switch (this) {
            case All all -> true;
            case Namespaces n -> n.keys.stream().anyMatch(k -> k.targetKey().equals(key));
        };
    }

    default boolean covers(NamespaceKey key) {
        return switch (this) {
            case All all -> true;
            case Namespaces n -> n.keys.contains(key);
        };
    }
}
