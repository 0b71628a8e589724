package dev.rulesync.model;

import java.util.List;
import java.util.Map;

/**
 * One source object with its rule groups, as loaded: what the {@code source} stage hands to {@code classify}.
 *
 * @param ref         identity and position of the object
 * @param labels      metadata labels (tenant and type are read from here)
 * @param annotations metadata annotations (per-object check switches, source tenants)
 * @param groups      its rule groups, in file order
 */
public record RuleObject(ObjectRef ref, Map<String, String> labels, Map<String, String> annotations,
                         List<RuleGroup> groups) {

    public RuleObject {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
