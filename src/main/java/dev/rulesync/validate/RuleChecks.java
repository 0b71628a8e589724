package dev.rulesync.validate;

import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.GoTemplate;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that need no expression parser: the same rules Prometheus' rulefmt, Mimir's and Loki's rulers and
 * the prometheus-operator webhook apply to groups and rules, each under its own check name. Where the two rulers
 * differ, the object's type picks the ruler that will judge it ({@link TargetRules}); the differential suite
 * (RulerGroupsDifferentialIT) holds every difference against the real programs.
 */
final class RuleChecks {

    private final ValidationOptions options;
    private final ValueLocators valueLocators;

    RuleChecks(ValidationOptions options, ValueLocators values) {
        this.options = options;
        this.valueLocators = values;
    }

    void check(RuleObject object, RuleType type, List<Problem> out) {
        TargetRules target = options.forType(type);
        boolean mimir = type != RuleType.LOGS;
        Map<String, Position> groupNames = new HashMap<>();
        for (RuleGroup g : object.groups()) {
            Sink sink = new Sink(object, g.name(), null, out);
            Position nameAt = g.origin().field("name");
            if (g.name() == null || g.name().isEmpty()) {
                sink.add(nameAt, Checks.GROUP_NAME, "the group name is empty");
            } else {
                Position first = groupNames.putIfAbsent(g.name(), nameAt);
                if (first != null) {
                    sink.add(nameAt, Checks.GROUP_NAME, "duplicate group name \"" + g.name() + "\" (first at line "
                            + first.line() + "); group names must be unique in an object");
                }
            }
            if (g.interval() != null && !PromDuration.isValid(g.interval())) {
                sink.add(g.origin().field("interval"), Checks.GROUP_INTERVAL, badDuration("interval", g.interval()));
            }
            if (g.queryOffset() != null && !PromDuration.isValid(g.queryOffset())) {
                sink.add(g.origin().field("query_offset"), Checks.GROUP_INTERVAL,
                        badDuration("query_offset", g.queryOffset()));
            }
            // Mimir limits rules per group (ruler_max_rules_per_rule_group, default 20); Loki's default is no limit
            if (target.maxRulesPerGroup() > 0 && g.rules().size() > target.maxRulesPerGroup()) {
                sink.add(g.origin().field("rules"), Checks.GROUP_SIZE, "the group has " + g.rules().size()
                        + " rules; the ruler accepts at most " + target.maxRulesPerGroup() + " per group");
            }
            // Mimir refuses a group without rules; Loki stores it and evaluates nothing
            if (mimir && g.rules().isEmpty()) {
                sink.add(g.origin().fields().getOrDefault("rules", g.origin().at()), Checks.GROUP_SIZE,
                        "the group has no rules; Mimir refuses an empty group");
            }
            if (!target.tenantFederation() && !g.sourceTenants().isEmpty()) {
                sink.add(g.origin().field("source_tenants"), Checks.GROUP_SOURCE_TENANTS, "`source_tenants` makes a "
                        + "federated group, which Mimir refuses unless tenant federation is enabled "
                        + "(-tenant-federation.enabled; rulesync.lint.mimir.tenant-federation)");
            }
            groupLabelNames(g.labels(), g.origin().fields(), g.origin().at(), target, sink);
            for (Rule r : g.rules()) {
                rule(r, new Sink(object, g.name(), r.name().isEmpty() ? null : r.name(), out), target, mimir);
            }
        }
    }

    private void rule(Rule r, Sink sink, TargetRules target, boolean mimir) {
        Map<String, Position> f = r.origin().fields();
        boolean isRecord = r.record() != null && !r.record().isEmpty();
        boolean isAlert = r.alert() != null && !r.alert().isEmpty();
        if (isRecord && isAlert) {
            sink.add(r.origin().field("alert"), Checks.RULE_KIND, "a rule must set only one of `record` and `alert`");
        } else if (!isRecord && !isAlert) {
            sink.add(r.origin().at(), Checks.RULE_KIND, "a rule must set one of `record` and `alert`");
        }
        if (r.expr() == null || r.expr().isBlank()) {
            sink.add(r.origin().field("expr"), Checks.RULE_EXPR, "the rule has no `expr`");
        }
        if (isRecord && !isAlert) {
            // both rulers refuse only a non-zero duration here, and any text that is no duration at all
            recordingDuration(r, "for", r.forDuration(), sink, true);
            // Loki does not look at keep_firing_for of a recording rule (its evaluation ignores it)
            recordingDuration(r, "keep_firing_for", r.keepFiringFor(), sink, mimir);
            if (!r.annotations().isEmpty()) {
                sink.add(r.origin().field("annotations"), Checks.RULE_RECORDING,
                        "a recording rule cannot have `annotations`");
            }
            if (!target.names().isValidMetricName(r.record())) {
                sink.add(r.origin().field("record"), Checks.RULE_NAME, "\"" + r.record()
                        + "\" is not a valid metric name" + (target.names() == NameValidation.LEGACY
                        ? " ([a-zA-Z_:][a-zA-Z0-9_:]*)" : ""));
            } else if (mimir && (r.record().contains("{") || r.record().contains("}"))) {
                sink.add(r.origin().field("record"), Checks.RULE_NAME, "\"" + r.record()
                        + "\" has braces: Mimir refuses them in a recording rule name (should they be in `expr`?)");
            }
        }
        if (isAlert) {
            if (r.forDuration() != null && !PromDuration.isValid(r.forDuration())) {
                sink.add(r.origin().field("for"), Checks.ALERTS_FOR, badDuration("for", r.forDuration()));
            }
            if (r.keepFiringFor() != null && !PromDuration.isValid(r.keepFiringFor())) {
                sink.add(r.origin().field("keep_firing_for"), Checks.ALERTS_FOR,
                        badDuration("keep_firing_for", r.keepFiringFor()));
            }
            templates("labels", r.labels(), f, r.origin().at(), sink);
            templates("annotations", r.annotations(), f, r.origin().at(), sink);
        }
        labelNames(r.labels(), f, r.origin().at(), target, sink);
        for (String name : r.annotations().keySet()) {
            if (!target.names().isValidLabelName(name)) {
                sink.add(f.getOrDefault("annotations." + name, r.origin().at()), Checks.RULE_ANNOTATION,
                        "\"" + name + "\" is not a valid annotation name");
            }
        }
    }

    private static void labelNames(Map<String, String> labels, Map<String, Position> f, Position fallback,
                                   TargetRules target, Sink sink) {
        for (String name : labels.keySet()) {
            String bad = badLabelName(name, target);
            if (bad != null) sink.add(f.getOrDefault("labels." + name, fallback), Checks.RULE_LABEL, bad);
        }
    }

    /**
     * Group labels: neither ruler checks their names when it takes the group, but every series and alert of the
     * group carries them, so a bad name is a warning rather than a refusal.
     */
    private static void groupLabelNames(Map<String, String> labels, Map<String, Position> f, Position fallback,
                                        TargetRules target, Sink sink) {
        for (String name : labels.keySet()) {
            String bad = badLabelName(name, target);
            if (bad != null) {
                sink.add(f.getOrDefault("labels." + name, fallback), Checks.GROUP_LABEL, bad + "; the ruler takes "
                        + "the group, but every series and alert of the group would carry it");
            }
        }
    }

    private static String badLabelName(String name, TargetRules target) {
        if (name.equals("__name__")) return "the label name __name__ is reserved for the metric name";
        if (target.names().isValidLabelName(name)) return null;
        return "\"" + name + "\" is not a valid label name"
                + (target.names() == NameValidation.LEGACY ? " ([a-zA-Z_][a-zA-Z0-9_]*)" : "");
    }

    /** {@code for} or {@code keep_firing_for} on a recording rule: refused when not a duration, or not zero. */
    private static void recordingDuration(Rule r, String field, String value, Sink sink, boolean refusesNonZero) {
        if (value == null) return;
        long nanos;
        try {
            nanos = PromDuration.parse(value);
        } catch (GoSyntaxException e) {
            sink.add(r.origin().field(field), Checks.RULE_RECORDING, badDuration(field, value));
            return;
        }
        if (refusesNonZero && nanos != 0) {
            sink.add(r.origin().field(field), Checks.RULE_RECORDING, "a recording rule cannot have `" + field + "`");
        }
    }

    private void templates(String kind, Map<String, String> values, Map<String, Position> f,
                                  Position fallback, Sink sink) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<GoTemplate.Error> err = AlertTemplates.check(e.getValue());
            if (err.isPresent()) {
                Position start = f.getOrDefault("value:" + kind + "." + e.getKey(),
                        f.getOrDefault(kind + "." + e.getKey(), fallback));
                Position inside = valueLocators.at(start).locate(err.get().line(), err.get().column());
                Position at = inside.isKnown() ? inside : start;
                sink.add(at, Checks.ALERTS_TEMPLATE, "template in " + kind + "." + e.getKey() + ": "
                        + err.get());
            }
        }
    }

    private static String badDuration(String field, String value) {
        return "`" + field + "` \"" + value + "\" is not a valid duration (e.g. 30s, 5m, 1h30m; units y w d h m s ms, "
                + "largest first)";
    }

    private record Sink(RuleObject object, String group, String rule, List<Problem> out) {
        void add(Position at, String check, String message) {
            out.add(new Problem(at, Checks.severity(check), check, message, object.ref(), group, rule));
        }
    }

    static List<Problem> run(ValidationOptions options, ValueLocators values, RuleObject object, RuleType type) {
        List<Problem> out = new ArrayList<>();
        new RuleChecks(options, values).check(object, type, out);
        return out;
    }
}
