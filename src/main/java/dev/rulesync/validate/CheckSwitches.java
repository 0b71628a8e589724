package dev.rulesync.validate;

import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Switches checks off: everywhere (configuration) or for one object with the annotation
 * {@code rule-sync.dev/disable: "check-a,check-b"}. A name in the annotation that is no check is itself reported,
 * so a typo does not silently leave a check on.
 */
public final class CheckSwitches {

    public static final String ANNOTATION = "rule-sync.dev/disable";

    private final Set<String> globallyDisabled;

    public CheckSwitches(Set<String> globallyDisabled) {
        this.globallyDisabled = Set.copyOf(globallyDisabled);
    }

    /** The problems that stay after switching off, plus a warning per unknown name in the annotation. */
    public List<Problem> apply(RuleObject object, Position annotationAt, List<Problem> problems) {
        Set<String> off = off(object);
        List<Problem> out = new ArrayList<>();
        for (String name : annotated(object)) {
            if (!Checks.exists(name)) {
                out.add(new Problem(annotationAt, Severity.WARNING, Checks.OBJECT_DISABLE,
                        "unknown check \"" + name + "\" in " + ANNOTATION, object.ref(), null, null));
            }
        }
        for (Problem p : problems) {
            if (!off.contains(p.check())) out.add(p);
        }
        if (off.contains(Checks.OBJECT_DISABLE)) out.removeIf(p -> p.check().equals(Checks.OBJECT_DISABLE));
        return out;
    }

    /**
     * The problems of a later stage (the whole-tree checks) that stay: the same switches, without reporting the
     * annotation's unknown names a second time.
     */
    public List<Problem> keep(RuleObject object, List<Problem> problems) {
        Set<String> off = off(object);
        return problems.stream().filter(p -> !off.contains(p.check())).toList();
    }

    private Set<String> off(RuleObject object) {
        Set<String> off = new HashSet<>(globallyDisabled);
        off.addAll(annotated(object));
        return off;
    }

    private static List<String> annotated(RuleObject object) {
        String value = object.annotations().get(ANNOTATION);
        if (value == null) return List.of();
        List<String> names = new ArrayList<>();
        for (String raw : value.split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }
}
