package dev.rulesync.validate;

import dev.rulesync.model.Severity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A team's own rules for its rules ({@code rulesync.lint.policy.*}): labels and annotations every alert or
 * recording rule must have (with a pattern their value must match), name patterns, and bounds for {@code for}.
 * Patterns are Java regular expressions that must match the whole value; an empty pattern only asks for a
 * non-empty value. The ruler accepts rules that break a policy, so findings are warnings unless the team sets
 * {@code severity: error} to stop such objects from being synced.
 *
 * @param alertLabels      labels every alert must set, name to value pattern
 * @param recordLabels     labels every recording rule must set, name to value pattern
 * @param annotations      annotations every alert must set, name to value pattern
 * @param alertName        pattern alert names must match, or null
 * @param recordName       pattern recording rule names must match, or null
 * @param minFor           smallest `for` an alert may have (a missing `for` counts as 0), or null
 * @param maxFor           largest `for` an alert may have, or null
 * @param severity         severity of every policy finding
 */
public record LintPolicy(Map<String, Pattern> alertLabels, Map<String, Pattern> recordLabels,
                         Map<String, Pattern> annotations, Pattern alertName, Pattern recordName,
                         Duration minFor, Duration maxFor, Severity severity) {

    public static final LintPolicy NONE = new LintPolicy(Map.of(), Map.of(), Map.of(), null, null, null, null, null);

    public LintPolicy {
        alertLabels = alertLabels == null ? Map.of() : new LinkedHashMap<>(alertLabels);
        recordLabels = recordLabels == null ? Map.of() : new LinkedHashMap<>(recordLabels);
        annotations = annotations == null ? Map.of() : new LinkedHashMap<>(annotations);
        severity = severity == null ? Severity.WARNING : severity;
    }

    public boolean isEmpty() {
        return alertLabels.isEmpty() && recordLabels.isEmpty() && annotations.isEmpty() && alertName == null
                && recordName == null && minFor == null && maxFor == null;
    }
}
