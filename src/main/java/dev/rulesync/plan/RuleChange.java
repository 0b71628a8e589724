package dev.rulesync.plan;

import java.util.List;

/**
 * How one rule differs between desired and remote. Rules are matched by name and occurrence (the second rule named
 * {@code X} matches the remote's second {@code X}), so messages name the rule the user wrote.
 *
 * @param rule   the rule's name (alert or record)
 * @param kind   added (only desired), removed (only remote) or changed
 * @param fields for a changed rule, which fields differ: {@code kind expr for keep_firing_for labels annotations}
 */
public record RuleChange(String rule, Kind kind, List<String> fields) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public RuleChange {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ADDED -> "+ rule " + rule;
            case REMOVED -> "- rule " + rule;
            case CHANGED -> "~ rule " + rule + ": " + String.join(", ", fields);
        };
    }
}
