package dev.rulesync.apply.s3;

import com.google.protobuf.ByteString;
import dev.rulesync.apply.s3.proto.Duration;
import dev.rulesync.apply.s3.proto.LabelPair;
import dev.rulesync.apply.s3.proto.LokiRule;
import dev.rulesync.apply.s3.proto.LokiRuleGroup;
import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between our groups and Loki's stored protobuf. Written the way Loki's Go code writes it, so our objects
 * are byte-identical to Loki's own: interval and {@code for} always present (Go's non-nullable durations are written
 * even when zero), labels and annotations sorted by name.
 */
public final class LokiRuleGroupCodec {

    private LokiRuleGroupCodec() {
    }

    /**
     * The stored object of one group. Throws {@link IllegalArgumentException} naming the rule and field for anything
     * Loki could not load (bad duration, not exactly one of record/alert, empty expression).
     */
    public static LokiRuleGroup encode(String tenant, String namespace, RuleGroup g) {
        LokiRuleGroup.Builder b = LokiRuleGroup.newBuilder()
                .setName(g.name())
                .setNamespace(namespace)
                .setInterval(duration(g.interval(), "group \"" + g.name() + "\" interval"))
                .setUser(tenant);
        if (g.limit() != null) {
            if (g.limit() < 0) throw new IllegalArgumentException("group \"" + g.name() + "\": limit must not be negative");
            b.setLimit(g.limit());
        }
        for (int i = 0; i < g.rules().size(); i++) {
            b.addRules(encode(g.name(), i, g.rules().get(i)));
        }
        return b.build();
    }

    private static LokiRule encode(String group, int index, Rule r) {
        String where = "group \"" + group + "\" rule " + index + " (" + r.name() + ")";
        boolean hasRecord = r.record() != null && !r.record().isEmpty();
        boolean hasAlert = r.alert() != null && !r.alert().isEmpty();
        if (hasRecord == hasAlert) throw new IllegalArgumentException(where + ": exactly one of record and alert must be set");
        if (r.expr() == null || r.expr().isBlank()) throw new IllegalArgumentException(where + ": expr is empty");
        LokiRule.Builder b = LokiRule.newBuilder()
                .setExpr(r.expr())
                .setFor(duration(r.forDuration(), where + " for"));
        if (hasRecord) b.setRecord(r.record());
        if (hasAlert) b.setAlert(r.alert());
        new TreeMap<>(r.labels()).forEach((k, v) -> b.addLabels(pair(k, v)));
        new TreeMap<>(r.annotations()).forEach((k, v) -> b.addAnnotations(pair(k, v)));
        return b.build();
    }

    /** Our group from a stored object; zero durations and limits read as absent, as the ruler APIs print them. */
    public static RuleGroup decode(LokiRuleGroup p) {
        List<Rule> rules = new ArrayList<>(p.getRulesCount());
        for (LokiRule r : p.getRulesList()) {
            rules.add(new Rule(emptyToNull(r.getRecord()), emptyToNull(r.getAlert()), r.getExpr(),
                    text(r.getFor()), null, map(r.getLabelsList()), map(r.getAnnotationsList()), Origin.NONE));
        }
        return new RuleGroup(p.getName(), text(p.getInterval()), null,
                p.getLimit() == 0 ? null : Math.toIntExact(p.getLimit()), Map.of(), List.of(), rules, Origin.NONE);
    }

    private static Duration duration(String text, String where) {
        if (text == null) return Duration.getDefaultInstance();
        long nanos;
        try {
            nanos = PromDuration.parse(text);
        } catch (GoSyntaxException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return Duration.newBuilder().setSeconds(nanos / 1_000_000_000L).setNanos((int) (nanos % 1_000_000_000L)).build();
    }

    private static String text(Duration d) {
        long nanos = d.getSeconds() * 1_000_000_000L + d.getNanos();
        return nanos == 0 ? null : PromDuration.format(nanos);
    }

    private static LabelPair pair(String name, String value) {
        return LabelPair.newBuilder().setName(ByteString.copyFromUtf8(name)).setValue(ByteString.copyFromUtf8(value)).build();
    }

    private static Map<String, String> map(List<LabelPair> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (LabelPair p : pairs) m.put(p.getName().toStringUtf8(), p.getValue().toStringUtf8());
        return m;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
