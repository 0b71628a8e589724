package dev.rulesync.apply;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups used across the target tests, and comparison without origins. */
public final class TestGroups {

    private TestGroups() {
    }

    /** A group using every field the model has. */
    public static RuleGroup full(String name, String recordExpr, String alertExpr) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", "a");
        labels.put("severity", "page");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", "{{ $labels.job }} is down: \"quoted\" & ünïcode");
        annotations.put("description", "line one\nline two");
        Rule record = new Rule("job:up:sum", null, recordExpr, null, null, Map.of("source", "rule-sync"), Map.of(),
                Origin.NONE);
        Rule alert = new Rule(null, "JobDown", alertExpr, "5m", "10m", labels, annotations, Origin.NONE);
        return new RuleGroup(name, "60s", "30s", 10, Map.of("group_label", "x"), List.of(), List.of(record, alert),
                Origin.NONE);
    }

    /** The group with every origin set to NONE, so listed and desired groups compare by content. */
    public static RuleGroup withoutOrigins(RuleGroup g) {
        return new RuleGroup(g.name(), g.interval(), g.queryOffset(), g.limit(), g.labels(), g.sourceTenants(),
                g.rules().stream().map(r -> new Rule(r.record(), r.alert(), r.expr(), r.forDuration(),
                        r.keepFiringFor(), r.labels(), r.annotations(), Origin.NONE)).toList(), Origin.NONE);
    }
}
