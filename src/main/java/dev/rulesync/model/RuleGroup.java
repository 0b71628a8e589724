package dev.rulesync.model;

import java.util.List;
import java.util.Map;

/**
 * One rule group, as in a PrometheusRule's {@code spec.groups[]} or a Prometheus rule file.
 *
 * @param name          group name
 * @param interval      evaluation interval as written, or null
 * @param queryOffset   {@code query_offset} as written, or null
 * @param limit         {@code limit}, or null
 * @param labels        group labels (Prometheus 3), in file order
 * @param sourceTenants Mimir federated-rule source tenants, empty when none
 * @param rules         the rules, in file order
 * @param origin        where the group sits in its source
 */
public record RuleGroup(String name, String interval, String queryOffset, Integer limit,
                        Map<String, String> labels, List<String> sourceTenants, List<Rule> rules, Origin origin) {

    public RuleGroup {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        sourceTenants = sourceTenants == null ? List.of() : List.copyOf(sourceTenants);
        rules = rules == null ? List.of() : List.copyOf(rules);
        origin = origin == null ? Origin.NONE : origin;
    }

    public static RuleGroup of(String name, List<Rule> rules) {
        return new RuleGroup(name, null, null, null, Map.of(), List.of(), rules, Origin.NONE);
    }

    public RuleGroup withRules(List<Rule> newRules) {
        return new RuleGroup(name, interval, queryOffset, limit, labels, sourceTenants, newRules, origin);
    }
}
