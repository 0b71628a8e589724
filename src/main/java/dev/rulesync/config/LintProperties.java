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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.time.Duration;
import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.model.Severity;
import dev.rulesync.validate.LintPolicy;

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
 * @param policy           the team's policy ({@code policy/*} checks), see docs/configuration.md
 */
@ConfigurationProperties("rulesync.lint")
public record LintProperties(List<String> disabledChecks, NameValidation nameValidation, Integer maxRulesPerGroup,
                             String tenantLabel, String typeLabel, Target mimir, Target loki, Policy policy) {

    public static final LintProperties DEFAULTS = new LintProperties(null, null, null, null, null, null, null, null);

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

    /**
     * {@code rulesync.lint.policy}: labels and annotations (name to a Java regex the whole value must match, ""
     * for any non-empty value), name patterns, bounds for an alert's {@code for}, and the severity of findings.
     */
    public record Policy(Map<String, String> alertLabels, Map<String, String> recordLabels,
                         Map<String, String> annotations, String alertName, String recordName, String minFor,
                         String maxFor, String severity) {

        public Policy {
            alertLabels = alertLabels == null ? Map.of() : Map.copyOf(alertLabels);
            recordLabels = recordLabels == null ? Map.of() : Map.copyOf(recordLabels);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        }

        /** The policy the checks use; throws {@link IllegalArgumentException} naming the bad setting. */
        public LintPolicy toPolicy() {
            Severity sev = null;
            if (severity != null && !severity.isBlank()) {
                try {
                    sev = Severity.valueOf(severity.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rulesync.lint.policy.severity must be info, warning or error");
                }
            }
            return new LintPolicy(patterns("alert-labels", alertLabels), patterns("record-labels", recordLabels),
                    patterns("annotations", annotations), pattern("alert-name", alertName),
                    pattern("record-name", recordName), duration("min-for", minFor), duration("max-for", maxFor), sev);
        }

        private static Map<String, Pattern> patterns(String key, Map<String, String> m) {
            Map<String, Pattern> out = new LinkedHashMap<>();
            new TreeMap<>(m).forEach((k, v) -> out.put(k, pattern(key + "." + k, v == null ? "" : v)));
            return out;
        }

        private static Pattern pattern(String key, String regex) {
            if (regex == null) return null;
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("rulesync.lint.policy." + key + " is not a valid regex: "
                        + e.getDescription());
            }
        }

        private static Duration duration(String key, String d) {
            if (d == null || d.isBlank()) return null;
            try {
                return Duration.ofNanos(PromDuration.parse(d.trim()));
            } catch (GoSyntaxException e) {
                throw new IllegalArgumentException("rulesync.lint.policy." + key + ": " + e.getMessage());
            }
        }
    }

    /** The policy as the checks use it. */
    public LintPolicy lintPolicy() {
        return policy == null ? LintPolicy.NONE : policy.toPolicy();
    }

    public LintProperties {
        disabledChecks = disabledChecks == null ? List.of() : List.copyOf(disabledChecks);
        maxRulesPerGroup = maxRulesPerGroup == null ? ValidationOptions.MIMIR_DEFAULT_RULES_PER_GROUP : maxRulesPerGroup;
        tenantLabel = tenantLabel == null || tenantLabel.isBlank() ? "tenant" : tenantLabel;
        typeLabel = typeLabel == null || typeLabel.isBlank() ? "type" : typeLabel;
        mimir = mimir == null ? new Target(null, null) : mimir;
        loki = loki == null ? new Target(null, null) : loki;
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
                "tenant-label", "type-label", "mimir", "loki", "policy"));
        List<String> disabled = new ArrayList<>();
        lint.path("disabled-checks").forEach(n -> disabled.add(n.asString()));
        NameValidation names = names(file, "rulesync.lint.name-validation", lint);
        Integer max = lint.hasNonNull("max-rules-per-group") ? lint.get("max-rules-per-group").asInt() : null;
        Policy policy = null;
        JsonNode p = lint.path("policy");
        if (p.isObject()) {
            known(file, "rulesync.lint.policy", p, List.of("alert-labels", "record-labels", "annotations",
                    "alert-name", "record-name", "min-for", "max-for", "severity"));
            policy = new Policy(stringMap(p.path("alert-labels")), stringMap(p.path("record-labels")),
                    stringMap(p.path("annotations")), p.path("alert-name").asString(null),
                    p.path("record-name").asString(null), p.path("min-for").asString(null),
                    p.path("max-for").asString(null), p.path("severity").asString(null));
            try {
                policy.toPolicy();
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return new LintProperties(disabled, names, max, lint.path("tenant-label").asString(null),
                lint.path("type-label").asString(null), target(file, "mimir", lint.path("mimir")),
                target(file, "loki", lint.path("loki")), policy);
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
            return NameValidation.valueOf(node.get("name-validation").asString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + at + " must be utf8 or legacy");
        }
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isObject()) {
            for (String k : n.propertyNames()) out.put(k, n.get(k).isNull() ? "" : n.get(k).asString());
        }
        return out;
    }
}
