package dev.rulesync.engine;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.config.LintProperties;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.plan.Pruning;
import dev.rulesync.validate.ValidationOptions;

import java.util.LinkedHashSet;

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
     * Name validation, group size warning, switched-off checks and the lint policy ({@code rulesync.lint.*}).
     * Throws {@link IllegalArgumentException} for a policy that does not compile (a bad name pattern).
     */
    public static ValidationOptions validation(LintProperties lint) {
        return validation(lint, java.util.List.of());
    }

    /** The same with {@code extraDisabled} (lint's {@code --disable}) switched off too. */
    public static ValidationOptions validation(LintProperties lint, java.util.Collection<String> extraDisabled) {
        LinkedHashSet<String> off = new LinkedHashSet<>(lint.disabledChecks());
        off.addAll(extraDisabled);
        return new ValidationOptions(lint.nameValidation(), lint.maxRulesPerGroup(), off, lint.lintPolicy());
    }

    /**
     * {@code rulesync.prune} ({@code --prune}) for {@code plan} and {@code sync}, which may be given part of a tree;
     * the controller sees every object and always prunes.
     */
    public static Pruning pruning(RuleSyncProperties props) {
        return props.prune() ? Pruning.PRUNE : Pruning.KEEP;
    }
}
