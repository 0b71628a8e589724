package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.RuleGroup;

import java.util.List;
import java.util.Objects;

/**
 * One line of a plan: what happens to one remote group (or, for a namespace-wide DELETE or KEPT, one namespace).
 *
 * @param action  what happens
 * @param where   target, tenant and remote namespace
 * @param group   the group name, or null when the line is about the whole namespace
 * @param desired for CREATE and UPDATE, the group to send (as the source has it; the ruler drops what it drops)
 * @param diff    for UPDATE, what differs; {@link GroupDiff#NONE} otherwise
 * @param sources the source objects behind this line (two or more for a name collision, none for a DELETE)
 * @param reason  for KEPT and FAILED, why; null otherwise
 */
public record Change(Action action, NamespaceKey where, String group, RuleGroup desired, GroupDiff diff,
                     List<ObjectRef> sources, String reason) {

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(where, "where");
        diff = diff == null ? GroupDiff.NONE : diff;
        sources = sources == null ? List.of() : List.copyOf(sources);
        if ((action == Action.CREATE || action == Action.UPDATE) && (desired == null || group == null)) {
            throw new IllegalArgumentException(action + " needs a group to send");
        }
    }

    /** Whether this line is about a whole remote namespace rather than one group. */
    public boolean wholeNamespace() {
        return group == null;
    }

    /** {@code namespace/group}, or the namespace alone for namespace-wide lines. */
    public String path() {
        return group == null ? where.namespace() : where.namespace() + "/" + group;
    }
}
