package dev.rulesync.source;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;

import dev.rulesync.model.Position;

import java.util.List;
import java.util.Map;

/**
 * One object read from a file, with where its metadata sits and the problems found while reading it (unknown
 * fields, wrong types, duplicate keys). An object with a reading problem is still handed on, holding what could be
 * read, so that later stages can report everything at once; the ERROR problems keep it from being synced.
 *
 * @param object   the object as loaded
 * @param origin   where the object sits; fields such as {@code metadata}, {@code metadata.name},
 *                 {@code metadata.labels}, {@code metadata.labels.<name>}, {@code metadata.annotations.<name>}
 * @param problems problems found while reading this object
 * @param valueLocators locators of the label and annotation values that hold templates, by the value's start
 *                 position (the {@code value:labels.<name>} and {@code value:annotations.<name>} origin fields)
 */
public record LoadedObject(RuleObject object, Origin origin, List<Problem> problems,
                           Map<Position, Origin.ExprLocator> valueLocators) {

    public LoadedObject {
        origin = origin == null ? Origin.NONE : origin;
        problems = problems == null ? List.of() : List.copyOf(problems);
        valueLocators = valueLocators == null ? Map.of() : Map.copyOf(valueLocators);
    }

    public LoadedObject(RuleObject object, Origin origin, List<Problem> problems) {
        this(object, origin, problems, Map.of());
    }

    /** Where a place inside a value with a template is in the file; NONE for other values. */
    public Origin.ExprLocator valueLocator(Position valueStart) {
        return valueLocators.getOrDefault(valueStart, Origin.ExprLocator.NONE);
    }
}
