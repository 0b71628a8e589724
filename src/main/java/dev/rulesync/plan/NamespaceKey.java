package dev.rulesync.plan;

import java.util.Comparator;
import java.util.Objects;

/**
 * One remote namespace of one tenant on one target: the smallest slice the planner can plan on its own, so that an
 * event for one object re-plans one remote namespace instead of the whole world.
 */
public record NamespaceKey(String target, String tenant, String namespace) implements Comparable<NamespaceKey> {

    private static final Comparator<NamespaceKey> ORDER = Comparator.comparing(NamespaceKey::target)
            .thenComparing(NamespaceKey::tenant).thenComparing(NamespaceKey::namespace);

    public NamespaceKey {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(namespace, "namespace");
    }

    public TargetKey targetKey() {
        return new TargetKey(target, tenant);
    }

    @Override
    public int compareTo(NamespaceKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return target + " " + tenant + " " + namespace;
    }
}
