package dev.rulesync.config;

import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.ValidationOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 * Check settings ({@code rulesync.lint.*}) shared by every front end: {@code lint}, {@code plan} and {@code sync}
 * bind them with {@link RuleSyncConfigLoader}, the controller from its Spring configuration, so the same settings
 * give every front end the same verdict.
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
}
