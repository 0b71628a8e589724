package dev.rulesync.classify;

import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;

import java.util.List;
import java.util.Optional;

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

    /** The classified object, when both tenant and type are known. */
    public Optional<ClassifiedObject> of(RuleObject object) {
        return complete() ? Optional.of(new ClassifiedObject(object, tenant, type)) : Optional.empty();
    }
}
