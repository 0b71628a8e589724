package dev.rulesync.config;

import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.TargetRules;
import dev.rulesync.validate.ValidationOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Check settings shared by {@code lint} and the controller ({@code rulesync.lint.*}). The controller binds them
 * from Spring configuration; the command line reads the same keys from a YAML file ({@code --config}) without
 * starting Spring.
 *
 * @param disabledChecks   checks switched off everywhere
 * @param nameValidation   an override of both targets' name validation, {@code utf8} or {@code legacy}; unset, each
 *                         target's own setting applies
 * @param maxRulesPerGroup rules per group Mimir accepts ({@code group/size}; 0 = no limit)
 * @param tenantLabel      metadata label holding the tenant
 * @param typeLabel        metadata label holding the type
 * @param mimir            what the Mimir ruler accepts, as it is configured
 * @param loki             what the Loki ruler accepts
 */
@ConfigurationProperties("rulesync.lint")
public record LintProperties(List<String> disabledChecks, NameValidation nameValidation, Integer maxRulesPerGroup,
                             String tenantLabel, String typeLabel, Target mimir, Target loki) {

    public static final LintProperties DEFAULTS = new LintProperties(null, null, null, null, null, null, null);

    /**
     * One target ruler's settings that decide what it accepts.
     *
     * @param nameValidation   {@code legacy} (what Mimir and Loki do by default) or {@code utf8} (Mimir's
     *                         {@code -validation.name-validation-scheme=utf8}); Loki always validates legacy names
     * @param tenantFederation whether the ruler accepts groups with {@code source_tenants} (Mimir's
     *                         {@code -tenant-federation.enabled}; default false)
     */
    public record Target(NameValidation nameValidation, Boolean tenantFederation) {
    }

    public LintProperties {
        disabledChecks = disabledChecks == null ? List.of() : List.copyOf(disabledChecks);
        maxRulesPerGroup = maxRulesPerGroup == null ? ValidationOptions.MIMIR_DEFAULT_RULES_PER_GROUP : maxRulesPerGroup;
        tenantLabel = tenantLabel == null || tenantLabel.isBlank() ? "tenant" : tenantLabel;
        typeLabel = typeLabel == null || typeLabel.isBlank() ? "type" : typeLabel;
        mimir = mimir == null ? new Target(null, null) : mimir;
        loki = loki == null ? new Target(null, null) : loki;
    }

    /**
     * The check settings: each target's rules from its block, the {@code name-validation} override (or
     * {@code names}, a command-line override of both) on top.
     */
    public ValidationOptions validationOptions(NameValidation names, Integer maxRules, Set<String> disabled) {
        NameValidation override = names != null ? names : nameValidation;
        TargetRules m = new TargetRules(mimir.nameValidation(), maxRules != null ? maxRules : maxRulesPerGroup,
                Boolean.TRUE.equals(mimir.tenantFederation())).withNames(override);
        TargetRules l = new TargetRules(loki.nameValidation(), TargetRules.LOKI.maxRulesPerGroup(),
                loki.tenantFederation() == null ? TargetRules.LOKI.tenantFederation() : loki.tenantFederation())
                .withNames(override);
        return new ValidationOptions(m, l, disabled);
    }

    /** Reads {@code rulesync.lint} from a YAML file; unknown keys under it are an error, to catch typos. */
    public static LintProperties read(Path file) throws IOException {
        JsonNode root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new YAMLMapper().readTree(r);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
        JsonNode lint = root == null ? null : root.path("rulesync").path("lint");
        if (lint == null || lint.isMissingNode() || lint.isNull()) return DEFAULTS;
        known(file, "rulesync.lint", lint, List.of("disabled-checks", "name-validation", "max-rules-per-group",
                "tenant-label", "type-label", "mimir", "loki"));
        List<String> disabled = new ArrayList<>();
        lint.path("disabled-checks").forEach(n -> disabled.add(n.asString()));
        NameValidation names = names(file, "rulesync.lint.name-validation", lint);
        Integer max = lint.hasNonNull("max-rules-per-group") ? lint.get("max-rules-per-group").asInt() : null;
        return new LintProperties(disabled, names, max, lint.path("tenant-label").asString(null),
                lint.path("type-label").asString(null), target(file, "mimir", lint.path("mimir")),
                target(file, "loki", lint.path("loki")));
    }

    private static Target target(Path file, String name, JsonNode node) throws IOException {
        if (node.isMissingNode() || node.isNull()) return null;
        String at = "rulesync.lint." + name;
        known(file, at, node, List.of("name-validation", "tenant-federation"));
        Boolean federation = node.hasNonNull("tenant-federation") ? node.get("tenant-federation").asBoolean() : null;
        return new Target(names(file, at + ".name-validation", node), federation);
    }

    private static void known(Path file, String at, JsonNode node, List<String> known) throws IOException {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) throw new IOException(file + ": unknown setting " + at + "." + name);
        }
    }

    private static NameValidation names(Path file, String at, JsonNode node) throws IOException {
        if (!node.hasNonNull("name-validation")) return null;
        try {
            return NameValidation.valueOf(node.get("name-validation").asString().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + at + " must be utf8 or legacy");
        }
    }
}
