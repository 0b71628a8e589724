package dev.rulesync.plan;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.util.Optional;

/**
 * The pure part of a ruler target that planning needs: its name, which objects it serves, how it stores a group and
 * which names it refuses. Planning never talks to a ruler; listing happens before and applying after.
 */
public interface TargetProfile {

    String name();

    RuleType type();

    /** The group as the ruler would store it (see {@link RulerTarget#stored}). */
    RuleGroup stored(RuleGroup group);

    /** Why the ruler cannot store this namespace/group name, or empty (see {@link RulerTarget#nameProblem}). */
    Optional<String> nameProblem(String namespace, String group);

    /** The profile of a real target: its pure methods, nothing else. */
    static TargetProfile of(RulerTarget target) {
        return new TargetProfile() {
            @Override
            public String name() {
                return target.name();
            }

            @Override
            public RuleType type() {
                return target.type();
            }

            @Override
            public RuleGroup stored(RuleGroup group) {
                return target.stored(group);
            }

            @Override
            public Optional<String> nameProblem(String namespace, String group) {
                return target.nameProblem(namespace, group);
            }
        };
    }
}
