package dev.rulesync.source;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;

import java.util.List;

/**
 * One object read from a file, with where its metadata sits and the problems found while reading it (unknown
 * fields, wrong types, duplicate keys). An object with a reading problem is still handed on, holding what could be
 * read, so that later stages can report everything at once; the ERROR problems keep it from being synced.
 *
 * @param object   the object as loaded
 * @param origin   where the object sits; fields such as {@code metadata}, {@code metadata.name},
 *                 {@code metadata.labels}, {@code metadata.labels.<name>}, {@code metadata.annotations.<name>}
 * @param problems problems found while reading this object
 */
public record LoadedObject(RuleObject object, Origin origin, List<Problem> problems) {

    public LoadedObject {
        origin = origin == null ? Origin.NONE : origin;
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
