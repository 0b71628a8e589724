package dev.rulesync.model;

import java.util.Map;

/**
 * Where a model node came from: its own position, the positions of its fields (keys such as {@code expr},
 * {@code for}, {@code labels.severity}), and a map from places inside the expression text to places in the file,
 * so that parser errors point into the YAML even for block and folded scalars.
 */
public record Origin(Position at, Map<String, Position> fields, ExprLocator exprLocator) {

    /** The field holding the place of a rule's or group's last character, when it came from a file. */
    public static final String END = "$end";

    public static final Origin NONE = new Origin(Position.UNKNOWN, Map.of(), ExprLocator.NONE);

    public Origin {
        at = at == null ? Position.UNKNOWN : at;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        exprLocator = exprLocator == null ? ExprLocator.NONE : exprLocator;
    }

    public static Origin at(Position at) {
        return new Origin(at, Map.of(), ExprLocator.NONE);
    }

    /** The position of a field, or of the node itself when the field is absent. */
    public Position field(String name) {
        return fields.getOrDefault(name, at);
    }

    /** Maps a 1-based (line, column) inside an expression's text to the file. */
    @FunctionalInterface
    public interface ExprLocator {
        ExprLocator NONE = (line, column) -> Position.UNKNOWN;

        Position locate(int line, int column);
    }
}
