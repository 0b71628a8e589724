package dev.rulesync.validate;

import java.util.Set;

/**
 * Settings of the rule checks.
 *
 * @param names            name validation mode (legacy or Prometheus 3 UTF-8)
 * @param maxRulesPerGroup rules per group above which {@code group/size} warns; 0 switches the limit off
 * @param disabled         checks switched off everywhere
 * @param policy           the team's policy for labels, annotations, names and `for` ({@code policy/*} checks)
 */
public record ValidationOptions(NameValidation names, int maxRulesPerGroup, Set<String> disabled, LintPolicy policy) {

    /** Mimir's default ruler_max_rules_per_rule_group. */
    public static final int MIMIR_DEFAULT_RULES_PER_GROUP = 20;

    public static final ValidationOptions DEFAULTS =
            new ValidationOptions(NameValidation.UTF8, MIMIR_DEFAULT_RULES_PER_GROUP, Set.of(), LintPolicy.NONE);

    public ValidationOptions {
        names = names == null ? NameValidation.UTF8 : names;
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        policy = policy == null ? LintPolicy.NONE : policy;
    }

    public ValidationOptions(NameValidation names, int maxRulesPerGroup, Set<String> disabled) {
        this(names, maxRulesPerGroup, disabled, LintPolicy.NONE);
    }
}
