package dev.rulesync.engine;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.config.LintProperties;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.plan.Pruning;
import dev.rulesync.validate.TargetRules;
import dev.rulesync.validate.ValidationOptions;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
        return classify(props.lint(), props.files());
    }

    /** The same from the two parts {@code lint} binds ({@code rulesync.lint}, {@code rulesync.files}). */
    public static ClassifyOptions classify(LintProperties lint, RuleSyncProperties.Files files) {
        return new ClassifyOptions(lint.tenantLabel(), lint.typeLabel(), files.tenant(), files.type());
    }

    /**
     * What each target ruler accepts, switched-off checks and the lint policy ({@code rulesync.lint.*}).
     * Throws {@link IllegalArgumentException} for a policy that does not compile (a bad name pattern).
     */
    public static ValidationOptions validation(LintProperties lint) {
        return validation(lint, List.of());
    }

    /**
     * The same with {@code extraDisabled} (lint's {@code --disable}) switched off too. Each target's rules come from
     * its block ({@code rulesync.lint.mimir.*}, {@code rulesync.lint.loki.*}), as the ruler ships where unset;
     * {@code rulesync.lint.name-validation}, when set, overrides both targets' name validation.
     */
    public static ValidationOptions validation(LintProperties lint, Collection<String> extraDisabled) {
        LintProperties.Target mimir = lint.mimir();
        LintProperties.Target loki = lint.loki();
        TargetRules m = new TargetRules(mimir.nameValidation(), lint.maxRulesPerGroup(),
                Boolean.TRUE.equals(mimir.tenantFederation())).withNames(lint.nameValidation());
        TargetRules l = new TargetRules(loki.nameValidation(), TargetRules.LOKI.maxRulesPerGroup(),
                loki.tenantFederation() == null ? TargetRules.LOKI.tenantFederation() : loki.tenantFederation())
                .withNames(lint.nameValidation());
        Set<String> off = new LinkedHashSet<>(lint.disabledChecks());
        off.addAll(extraDisabled);
        return new ValidationOptions(m, l, off, lint.lintPolicy());
    }

    /**
     * {@code rulesync.prune} ({@code --prune}) for {@code plan} and {@code sync}, which may be given part of a tree;
     * the controller sees every object and always prunes.
     */
    public static Pruning pruning(RuleSyncProperties props) {
        return props.prune() ? Pruning.PRUNE : Pruning.KEEP;
    }
}
