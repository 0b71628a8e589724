package dev.rulesync.plan;

import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares a desired group with its remote version the way the ruler would: both are first reduced to what the target
 * stores, expressions compare by canonical form (or trimmed text when that cannot be computed), durations by value,
 * label and annotation maps as maps. An unchanged group must compare equal, or it would be re-sent on every sync
 * (grafana/alloy#5461).
 */
final class GroupComparator {

    private final TargetProfile profile;
    private final ExpressionLanguage language;

    GroupComparator(TargetProfile profile, ExpressionLanguage language) {
        this.profile = profile;
        this.language = language;
    }

    GroupDiff diff(RuleGroup desired, RuleGroup remote) {
        RuleGroup d = profile.stored(desired);
        RuleGroup r = profile.stored(remote);
        List<String> groupFields = new ArrayList<>();
        if (!Durations.equal(d.interval(), r.interval(), true)) groupFields.add("interval");
        // An explicit query_offset of 0 overrides the tenant's default offset, so 0 and absent differ here.
        if (!Durations.equal(d.queryOffset(), r.queryOffset(), false)) groupFields.add("query_offset");
        if (limit(d) != limit(r)) groupFields.add("limit");
        if (!d.labels().equals(r.labels())) groupFields.add("labels");
        if (!new TreeSet<>(d.sourceTenants()).equals(new TreeSet<>(r.sourceTenants()))) {
            groupFields.add("source_tenants");
        }

        Map<String, Rule> remoteByKey = byNameAndOccurrence(r.rules());
        Map<String, Rule> desiredByKey = byNameAndOccurrence(d.rules());
        List<RuleChange> changes = new ArrayList<>();
        desiredByKey.forEach((key, rule) -> {
            Rule other = remoteByKey.get(key);
            if (other == null) {
                changes.add(new RuleChange(rule.name(), RuleChange.Kind.ADDED, List.of()));
            } else {
                List<String> fields = ruleFields(rule, other);
                if (!fields.isEmpty()) changes.add(new RuleChange(rule.name(), RuleChange.Kind.CHANGED, fields));
            }
        });
        remoteByKey.forEach((key, rule) -> {
            if (!desiredByKey.containsKey(key)) {
                changes.add(new RuleChange(rule.name(), RuleChange.Kind.REMOVED, List.of()));
            }
        });
        boolean orderChanged = changes.isEmpty()
                && !new ArrayList<>(desiredByKey.keySet()).equals(new ArrayList<>(remoteByKey.keySet()));
        return groupFields.isEmpty() && changes.isEmpty() && !orderChanged ? GroupDiff.NONE
                : new GroupDiff(groupFields, changes, orderChanged);
    }

    private List<String> ruleFields(Rule d, Rule r) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(d.record(), r.record()) || !Objects.equals(d.alert(), r.alert())) fields.add("kind");
        if (!canonical(d.expr()).equals(canonical(r.expr()))) fields.add("expr");
        if (!Durations.equal(d.forDuration(), r.forDuration(), true)) fields.add("for");
        if (!Durations.equal(d.keepFiringFor(), r.keepFiringFor(), true)) fields.add("keep_firing_for");
        if (!d.labels().equals(r.labels())) fields.add("labels");
        if (!d.annotations().equals(r.annotations())) fields.add("annotations");
        return fields;
    }

    /** The canonical form, or the trimmed text when the language cannot compute one (it does not parse). */
    String canonical(String expr) {
        if (expr == null) return "";
        ExpressionAnalysis analysis = language.analyze(expr);
        if (!analysis.valid()) return expr.trim();
        try {
            return analysis.canonical();
        } catch (RuntimeException unprintable) {
            return expr.trim();
        }
    }

    private static int limit(RuleGroup g) {
        return g.limit() == null ? 0 : g.limit(); // the rulers treat limit 0 as "no limit", same as absent
    }

    private static Map<String, Rule> byNameAndOccurrence(List<Rule> rules) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Rule> out = new LinkedHashMap<>();
        for (Rule rule : rules) {
            int n = seen.merge(rule.name(), 1, Integer::sum);
            out.put(rule.name() + "\u0000" + n, rule);
        }
        return out;
    }
}
