package dev.rulesync.validate;

import dev.rulesync.model.RuleType;

import java.util.Set;

/**
 * Settings of the rule checks.
 *
 * @param mimir    what the Mimir ruler accepts: the rules of metrics objects are checked against it
 * @param loki     what the Loki ruler accepts: the rules of logs objects are checked against it
 * @param disabled checks switched off everywhere
 * @param policy   the team's policy for labels, annotations, names and `for` ({@code policy/*} checks)
 */
public record ValidationOptions(TargetRules mimir, TargetRules loki, Set<String> disabled, LintPolicy policy) {

    /** Mimir's default ruler_max_rules_per_rule_group. */
    public static final int MIMIR_DEFAULT_RULES_PER_GROUP = 20;

    public static final ValidationOptions DEFAULTS =
            new ValidationOptions(TargetRules.MIMIR, TargetRules.LOKI, Set.of(), LintPolicy.NONE);

    public ValidationOptions {
        mimir = mimir == null ? TargetRules.MIMIR : mimir;
        loki = loki == null ? TargetRules.LOKI : loki;
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        policy = policy == null ? LintPolicy.NONE : policy;
    }

    /**
     * One name scheme for both targets (null: each target's own default) and Mimir's limit of rules per group; the
     * rest as the rulers ship.
     */
    public ValidationOptions(NameValidation names, int maxRulesPerGroup, Set<String> disabled) {
        this(new TargetRules(TargetRules.MIMIR.names(), maxRulesPerGroup, false).withNames(names),
                TargetRules.LOKI.withNames(names), disabled);
    }

    /** Both targets' rules and disabled checks, without a policy. */
    public ValidationOptions(TargetRules mimir, TargetRules loki, Set<String> disabled) {
        this(mimir, loki, disabled, LintPolicy.NONE);
    }

    /** The rules of the target that serves {@code type}; Mimir's for an object whose type is unknown. */
    public TargetRules forType(RuleType type) {
        return type == RuleType.LOGS ? loki : mimir;
    }
}
