package dev.rulesync.config;

import dev.rulesync.validate.NameValidation;
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

/**
 * Check settings shared by {@code lint} and the controller ({@code rulesync.lint.*}). The controller binds them
 * from Spring configuration; the command line reads the same keys from a YAML file ({@code --config}) without
 * starting Spring.
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
        List<String> known = List.of("disabled-checks", "name-validation", "max-rules-per-group", "tenant-label",
                "type-label");
        for (String name : lint.propertyNames()) {
            if (!known.contains(name)) throw new IOException(file + ": unknown setting rulesync.lint." + name);
        }
        List<String> disabled = new ArrayList<>();
        lint.path("disabled-checks").forEach(n -> disabled.add(n.asString()));
        NameValidation names = null;
        if (lint.hasNonNull("name-validation")) {
            try {
                names = NameValidation.valueOf(lint.get("name-validation").asString().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": rulesync.lint.name-validation must be utf8 or legacy");
            }
        }
        Integer max = lint.hasNonNull("max-rules-per-group") ? lint.get("max-rules-per-group").asInt() : null;
        return new LintProperties(disabled, names, max, lint.path("tenant-label").asString(null),
                lint.path("type-label").asString(null));
    }
}
