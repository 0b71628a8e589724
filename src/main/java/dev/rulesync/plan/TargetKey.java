package dev.rulesync.plan;

import java.util.Comparator;
import java.util.Objects;

/** One tenant on one ruler target: the unit that is listed, planned and reported as failed together. */
public record TargetKey(String target, String tenant) implements Comparable<TargetKey> {

    private static final Comparator<TargetKey> ORDER =
            Comparator.comparing(TargetKey::target).thenComparing(TargetKey::tenant);

    public TargetKey {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tenant, "tenant");
    }

    public NamespaceKey namespace(String namespace) {
        return new NamespaceKey(target, tenant, namespace);
    }

    @Override
    public int compareTo(TargetKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return target + " " + tenant;
    }
}
