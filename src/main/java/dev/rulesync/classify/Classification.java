package dev.rulesync.classify;

import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleType;

import java.util.List;

/**
 * The outcome of classifying one object: tenant and type when found (either may be null when missing or
 * invalid), and the problems saying why not.
 */
public record Classification(String tenant, RuleType type, List<Problem> problems) {

    public Classification {
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return tenant != null && type != null;
    }
}
