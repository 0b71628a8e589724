package dev.rulesync.model;

import java.util.List;

/**
 * Something wrong with the input, at the place it was written. Produced by every stage (bad YAML in
 * {@code source}, a missing tenant in {@code classify}, a rule check in {@code validate}) and reported as is.
 *
 * @param position where it is (file, line, column): the first character of the token that causes it
 * @param severity how bad it is
 * @param check    the stable check name, pint-style, e.g. {@code rule/duplicate} or {@code promql/syntax}
 * @param message  what is wrong, in words a rule author understands
 * @param object   the object it belongs to, or null when the file could not be read as objects
 * @param group    the group name, or null
 * @param rule     the rule name, or null
 * @param end      where the span of the cause ends, exclusive (the place just after its last character, as SARIF's
 *                 endColumn); {@link Position#UNKNOWN} when only the start is known
 * @param related  other places the problem belongs to as much as this one (the first copy of a duplicate, the
 *                 recording rule of another tenant): a cross-file problem is attributed to every file named here
 */
public record Problem(Position position, Severity severity, String check, String message,
                      ObjectRef object, String group, String rule, Position end, List<Position> related) {

    public Problem {
        position = position == null ? Position.UNKNOWN : position;
        end = end == null ? Position.UNKNOWN : end;
        related = related == null ? List.of() : List.copyOf(related);
    }

    public Problem(Position position, Severity severity, String check, String message,
                   ObjectRef object, String group, String rule) {
        this(position, severity, check, message, object, group, rule, Position.UNKNOWN, List.of());
    }

    /** The span [position, end) when its end is known and lies after its start in the same file. */
    public boolean hasSpan() {
        return end.isKnown() && position.isKnown() && end.file().equals(position.file()) && end.compareTo(position) > 0;
    }

    /** True when this problem belongs to {@code file}: at its position or at one of its related places. */
    public boolean concerns(String file) {
        if (position.file().equals(file)) return true;
        for (Position p : related) {
            if (p.file().equals(file)) return true;
        }
        return false;
    }
}
