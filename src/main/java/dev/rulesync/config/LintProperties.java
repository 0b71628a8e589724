package dev.rulesync.config;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.ValidationOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Check settings ({@code rulesync.lint.*}) shared by every front end: {@code lint}, {@code plan} and {@code sync}
 * bind them with {@link RuleSyncConfigLoader}, the controller from its Spring configuration, so the same settings
 * give every front end the same verdict.
 *
 * @param disabledChecks   checks switched off everywhere
 * @param nameValidation   {@code utf8} (Prometheus 3) or {@code legacy}
 * @param maxRulesPerGroup rules per group above which {@code group/size} warns (0 = off)
 * @param tenantLabel      metadata label holding the tenant
 * @param typeLabel        metadata label holding the type
 */
@ConfigurationProperties("rulesync.lint")
public record LintProperties(List<String> disabledChecks, NameValidation nameValidation, Integer maxRulesPerGroup,
                             String tenantLabel, String typeLabel) {

    public static final LintProperties DEFAULTS = new LintProperties(null, null, null, null, null);

    public LintProperties {
        disabledChecks = disabledChecks == null ? List.of() : List.copyOf(disabledChecks);
        nameValidation = nameValidation == null ? NameValidation.UTF8 : nameValidation;
        maxRulesPerGroup = maxRulesPerGroup == null ? ValidationOptions.MIMIR_DEFAULT_RULES_PER_GROUP : maxRulesPerGroup;
        tenantLabel = tenantLabel == null || tenantLabel.isBlank() ? "tenant" : tenantLabel;
        typeLabel = typeLabel == null || typeLabel.isBlank() ? "type" : typeLabel;
    }

    /** Where the classifier finds tenant and type: the label keys, and {@code files} for plain rule files. */
    public ClassifyOptions classifyOptions(RuleSyncProperties.Files files) {
        return new ClassifyOptions(tenantLabel, typeLabel, files.tenant(), files.type());
    }

    /** The checks' settings, with {@code extraDisabled} (a command's {@code --disable}) switched off too. */
    public ValidationOptions validationOptions(Collection<String> extraDisabled) {
        Set<String> off = new LinkedHashSet<>(disabledChecks);
        off.addAll(extraDisabled);
        return new ValidationOptions(nameValidation, maxRulesPerGroup, off);
    }
}
