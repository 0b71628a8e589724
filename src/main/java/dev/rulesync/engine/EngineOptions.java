package dev.rulesync.engine;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.config.LintProperties;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.plan.Pruning;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.TargetRules;
import dev.rulesync.validate.ValidationOptions;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one mapping from configuration ({@link RuleSyncProperties}) to the options each stage takes, so that every
 * front end classifies, validates and prunes alike for the same configuration.
 */
public final class EngineOptions {

    private EngineOptions() {
    }

    /** Tenant and type labels ({@code rulesync.lint.*}) and the tenant and type of plain rule files. */
    public static ClassifyOptions classify(RuleSyncProperties props) {
        return new ClassifyOptions(props.lint().tenantLabel(), props.lint().typeLabel(), props.files().tenant(),
                props.files().type());
    }

    /**
     * What each target ruler accepts, switched-off checks and the lint policy ({@code rulesync.lint.*}).
     * Throws {@link IllegalArgumentException} for a policy that does not compile (a bad name pattern).
     */
    public static ValidationOptions validation(LintProperties lint) {
        return validation(lint, null, null, Set.of());
    }

    /**
     * The same with the overrides {@code lint} takes on its command line: a name validation for both targets (null:
     * {@code rulesync.lint.name-validation}, else each target's own), Mimir's rules per group (null: the
     * configured one) and more checks to switch off. Each target's rules come from its block
     * ({@code rulesync.lint.mimir.*}, {@code rulesync.lint.loki.*}), as the ruler ships where unset.
     */
    public static ValidationOptions validation(LintProperties lint, NameValidation names, Integer maxRulesPerGroup,
                                               Set<String> moreDisabled) {
        NameValidation override = names != null ? names : lint.nameValidation();
        LintProperties.Target mimir = lint.mimir();
        LintProperties.Target loki = lint.loki();
        TargetRules m = new TargetRules(mimir.nameValidation(),
                maxRulesPerGroup != null ? maxRulesPerGroup : lint.maxRulesPerGroup(),
                Boolean.TRUE.equals(mimir.tenantFederation())).withNames(override);
        TargetRules l = new TargetRules(loki.nameValidation(), TargetRules.LOKI.maxRulesPerGroup(),
                loki.tenantFederation() == null ? TargetRules.LOKI.tenantFederation() : loki.tenantFederation())
                .withNames(override);
        Set<String> disabled = new LinkedHashSet<>(lint.disabledChecks());
        disabled.addAll(moreDisabled);
        return new ValidationOptions(m, l, disabled, lint.lintPolicy());
    }

    /**
     * {@code rulesync.prune} ({@code --prune}) for {@code plan} and {@code sync}, which may be given part of a tree;
     * the controller sees every object and always prunes.
     */
    public static Pruning pruning(RuleSyncProperties props) {
        return props.prune() ? Pruning.PRUNE : Pruning.KEEP;
    }
}
