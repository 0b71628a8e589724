package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;

import java.util.List;

/** All problems of one object, sorted by position. An object with any ERROR is invalid and is not synced. */
public record ObjectVerdict(ObjectRef ref, List<Problem> problems) {

    public ObjectVerdict {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }
}
