package dev.rulesync.model;

import java.util.List;
import java.util.Map;

/**
 * One source object with its rule groups, as loaded: what the {@code source} stage hands to {@code classify}.
 *
 * @param ref         identity of the object
 * @param at          where it was read (its {@code metadata.name}, or the start of a rule file's document), or
 *                    {@link Position#UNKNOWN} for an object that did not come from a file
 * @param labels      metadata labels (tenant and type are read from here)
 * @param annotations metadata annotations (per-object check switches, source tenants)
 * @param groups      its rule groups, in file order
 */
public record RuleObject(ObjectRef ref, Position at, Map<String, String> labels, Map<String, String> annotations,
                         List<RuleGroup> groups) {

    public RuleObject {
        at = at == null ? Position.UNKNOWN : at;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** An object that did not come from a file (an informer's, a test's): its position is unknown. */
    public RuleObject(ObjectRef ref, Map<String, String> labels, Map<String, String> annotations,
                      List<RuleGroup> groups) {
        this(ref, Position.UNKNOWN, labels, annotations, groups);
    }
}
