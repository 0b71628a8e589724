package dev.rulesync.plan;

import java.util.List;

/**
 * What differs between a desired group and its remote version, in the fields the target stores.
 *
 * @param groupFields  group-level fields that differ: {@code interval query_offset limit labels source_tenants}
 * @param rules        per-rule differences, in desired order then removed ones
 * @param orderChanged the same rules, equal one by one, but in a different order (the ruler evaluates in order)
 */
public record GroupDiff(List<String> groupFields, List<RuleChange> rules, boolean orderChanged) {

    public static final GroupDiff NONE = new GroupDiff(List.of(), List.of(), false);

    public GroupDiff {
        groupFields = groupFields == null ? List.of() : List.copyOf(groupFields);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean isEmpty() {
        return groupFields.isEmpty() && rules.isEmpty() && !orderChanged;
    }

    /** Human-readable lines, one per difference, for plan output. */
    public List<String> lines() {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        if (!groupFields.isEmpty()) lines.add("~ group: " + String.join(", ", groupFields));
        rules.forEach(r -> lines.add(r.toString()));
        if (orderChanged) lines.add("~ rule order");
        return lines;
    }
}
