package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders and test doubles for planner tests: values only, no ruler. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A tiny expression language: the canonical form collapses runs of whitespace (so reformatting is invisible) and
     * an expression containing {@code (((} does not parse, so canonical() throws as the contract says.
     */
    public static final ExpressionLanguage WHITESPACE_LANGUAGE = new ExpressionLanguage() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public ExpressionAnalysis analyze(String expr) {
            if (expr.contains("(((")) {
                return ExpressionAnalysis.invalid(List.of(new ExprProblem(1, expr.indexOf("(((") + 1, "unbalanced")),
                        null);
            }
            return ExpressionAnalysis.valid("text", expr, () -> expr.trim().replaceAll("\\s+", " "), List::of);
        }
    };

    /** A Mimir-like profile: stores every field, accepts every name. */
    public static TargetProfile mimirProfile(String name) {
        return profile(name, RuleType.METRICS, g -> g, (ns, g) -> Optional.empty());
    }

    /**
     * A Loki-like profile written from the wire spec: drops query_offset, group labels and keep_firing_for, and
     * refuses '/' in namespace and group names.
     */
    public static TargetProfile lokiProfile(String name) {
        return profile(name, RuleType.LOGS, Fixtures::lokiStored, (ns, g) ->
                ns.contains("/") || g.contains("/") ? Optional.of("Loki names cannot contain '/'") : Optional.empty());
    }

    static RuleGroup lokiStored(RuleGroup g) {
        List<Rule> rules = g.rules().stream().map(r -> new Rule(r.record(), r.alert(), r.expr(), r.forDuration(),
                null, r.labels(), r.annotations(), r.origin())).toList();
        return new RuleGroup(g.name(), g.interval(), null, g.limit(), Map.of(), g.sourceTenants(), rules, g.origin());
    }

    static TargetProfile profile(String name, RuleType type, java.util.function.UnaryOperator<RuleGroup> stored,
                                 java.util.function.BiFunction<String, String, Optional<String>> names) {
        return new TargetProfile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RuleType type() {
                return type;
            }

            @Override
            public RuleGroup stored(RuleGroup group) {
                return stored.apply(group);
            }

            @Override
            public Optional<String> nameProblem(String namespace, String group) {
                return names.apply(namespace, group);
            }
        };
    }

    public static PlanTarget mimir() {
        return new PlanTarget(mimirProfile("mimir"), NamingTemplate.defaultFor(RuleType.METRICS), WHITESPACE_LANGUAGE);
    }

    public static PlanTarget loki() {
        return new PlanTarget(lokiProfile("loki-api"), NamingTemplate.defaultFor(RuleType.LOGS), WHITESPACE_LANGUAGE);
    }

    public static ObjectRef cr(String namespace, String name) {
        return new ObjectRef(ObjectRef.PROMETHEUS_RULE, namespace, name, "uid-" + name);
    }

    public static RuleGroup group(String name, Rule... rules) {
        return RuleGroup.of(name, List.of(rules));
    }

    public static Rule record(String name, String expr) {
        return Rule.recording(name, expr);
    }

    public static Rule alert(String name, String expr, String forDuration, Map<String, String> labels) {
        return Rule.alerting(name, expr, forDuration, labels, Map.of());
    }

    public static DesiredObject metrics(String tenant, ObjectRef ref, RuleGroup... groups) {
        return DesiredObject.valid(ref, tenant, RuleType.METRICS, List.of(groups));
    }

    public static DesiredObject logs(String tenant, ObjectRef ref, RuleGroup... groups) {
        return DesiredObject.valid(ref, tenant, RuleType.LOGS, List.of(groups));
    }

    /** Builds one listing: namespace, then its groups; call {@link #ns} repeatedly. */
    public static final class Remote {
        private final Map<TargetKey, Map<String, List<RuleGroup>>> listed = new LinkedHashMap<>();
        private final Map<TargetKey, Listing> failed = new LinkedHashMap<>();

        public Remote ns(String target, String tenant, String namespace, RuleGroup... groups) {
            listed.computeIfAbsent(new TargetKey(target, tenant), k -> new LinkedHashMap<>())
                    .computeIfAbsent(namespace, n -> new ArrayList<>()).addAll(List.of(groups));
            return this;
        }

        public Remote empty(String target, String tenant) {
            listed.computeIfAbsent(new TargetKey(target, tenant), k -> new LinkedHashMap<>());
            return this;
        }

        public Remote failed(String target, String tenant, String message) {
            failed.put(new TargetKey(target, tenant), new Listing.Failed(message, false));
            return this;
        }

        public RemoteState build() {
            Map<TargetKey, Listing> all = new LinkedHashMap<>();
            listed.forEach((k, v) -> all.put(k, new Listing.Listed(v)));
            all.putAll(failed);
            return new RemoteState(all);
        }
    }

    public static Remote remote() {
        return new Remote();
    }

    public static Origin nowhere() {
        return Origin.NONE;
    }
}
