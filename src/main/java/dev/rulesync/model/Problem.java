package dev.rulesync.model;

import java.util.List;

/**
 * Something wrong with the input, at the place it was written. Produced by every stage (bad YAML in
 * {@code source}, a missing tenant in {@code classify}, a rule check in {@code validate}) and reported as is.
 *
 * @param position where it is (file, line, column)
 * @param severity how bad it is
 * @param check    the stable check name, pint-style, e.g. {@code rule/duplicate} or {@code promql/syntax}
 * @param message  what is wrong, in words a rule author understands
 * @param object   the object it belongs to, or null when the file could not be read as objects
 * @param group    the group name, or null
 * @param rule     the rule name, or null
 * @param related  the other places a problem that spans files is about (the other copy of a duplicated group),
 *                 empty for most problems; {@code lint --changed-since} reports such a problem when any of its
 *                 places changed
 */
public record Problem(Position position, Severity severity, String check, String message,
                      ObjectRef object, String group, String rule, List<Position> related) {

    public Problem {
        position = position == null ? Position.UNKNOWN : position;
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** A problem about one place. */
    public Problem(Position position, Severity severity, String check, String message,
                   ObjectRef object, String group, String rule) {
        this(position, severity, check, message, object, group, rule, List.of());
    }
}
