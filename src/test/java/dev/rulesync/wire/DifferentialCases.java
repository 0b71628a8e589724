package dev.rulesync.wire;

import dev.rulesync.model.RuleType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule groups of RulerGroupsDifferentialIT: the hand-written ones of {@code differential/groups.yaml} and ones
 * generated here from lists of names, durations, field combinations, group options, sizes and templates. Each is
 * the text of one group as a ruler's API takes it, with {@code $EXPR} for a valid expression of the target.
 */
final class DifferentialCases {

    /** One group and the targets it is posted to. */
    record Case(String id, String group, Set<RuleType> targets) {
        /** The group with $EXPR filled in for {@code type}. */
        String groupFor(RuleType type) {
            return group.replace("$EXPR", type == RuleType.LOGS ? "'sum(count_over_time({job=\"a\"}[1m]))'" : "up");
        }
    }

    private static final Set<RuleType> BOTH = Set.of(RuleType.METRICS, RuleType.LOGS);

    static final List<String> METRIC_NAMES = List.of("job:up:sum", "up", "_x", ":a:b", "A_b9", "job.up:sum", "1abc",
            "a-b", "a b", "séverité", "日本", "a/b", "", "__name__", "x{a}", "x}", "a:b:c:", "a.b", "$a");
    static final List<String> LABEL_NAMES = List.of("severity", "_x", "A_b9", "__meta", "team.name", "séverité",
            "1abc", "a-b", "a:b", "a b", "日本", "__name__", "a/b", "$a");
    static final List<String> DURATIONS = List.of("0", "0s", "0ms", "0h0m", "1m", "90s", "1h30m", "1d", "1w", "1y",
            "300ms", "2h0m", "1y2w3d4h5m6s7ms", "1h1d", "1.5h", "-1m", "5", "1 m", "1M", "1H", "", "1s1s",
            "9223372036854775807ms", "106751991167d", "292y");
    static final List<String> TEMPLATES = List.of("{{ $labels.job }} down", "{{ $value | humanize }}",
            "{{ humanizeDuration $value }}", "{{ $externalLabels.cluster }}", "{{ .Labels.job }}",
            "{{ with $labels }}{{ .job }}{{ end }}", "{{ range $k, $v := $labels }}{{ $k }}{{ end }}",
            "{{ define \"x\" }}y{{ end }}{{ template \"x\" }}", "{{ printf \"%.2f\" $value }}", "{{ title \"a\" }}",
            "{{ .Labels.job", "{{ nosuch $value }}", "{{ $x }}", "{{ if 1 }}x", "{{ end }}", "{{ $value | 3 }}",
            "{{/* unclosed", "{{ humanise $value }}", "{{ template \"nosuch\" }}", "{{ index $labels \"a\" }}",
            "{{ query \"up\" | first | value }}", "{{ break }}", "{{ $labels.job | toUpper | reReplaceAll \"a\" \"b\" }}");

    private DifferentialCases() {
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>(handWritten());
        out.addAll(generated());
        return out;
    }

    static List<Case> handWritten() {
        try (InputStream in = DifferentialCases.class.getResourceAsStream("/differential/groups.yaml")) {
            JsonNode root = new YAMLMapper().readTree(in);
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root) {
                Set<RuleType> targets = BOTH;
                if (c.has("targets")) {
                    List<RuleType> t = new ArrayList<>();
                    c.get("targets").forEach(n -> t.add(RuleType.fromLabel(n.asString()).orElseThrow()));
                    targets = Set.copyOf(t);
                }
                out.add(new Case(c.get("case").asString(), c.get("group").asString(), targets));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Case> generated() {
        List<Case> out = new ArrayList<>();
        int n = 0;
        for (String name : METRIC_NAMES) {
            out.add(new Case("record-name-" + n++, group("- record: " + q(name) + "\n  expr: $EXPR\n"), BOTH));
        }
        for (String name : LABEL_NAMES) {
            out.add(new Case("label-name-" + n++, group("- alert: A\n  expr: $EXPR\n  labels: {" + q(name) + ": x}\n"),
                    BOTH));
            out.add(new Case("record-label-name-" + n++, group("- record: r\n  expr: $EXPR\n  labels: {" + q(name)
                    + ": x}\n"), BOTH));
            out.add(new Case("annotation-name-" + n++, group("- alert: A\n  expr: $EXPR\n  annotations: {" + q(name)
                    + ": x}\n"), BOTH));
            out.add(new Case("group-label-name-" + n++, "name: g\nlabels: {" + q(name) + ": x}\nrules:\n"
                    + "- record: r\n  expr: $EXPR\n", BOTH));
        }
        for (String d : DURATIONS) {
            out.add(new Case("alert-for-" + n++, group("- alert: A\n  expr: $EXPR\n  for: " + q(d) + "\n"), BOTH));
            out.add(new Case("alert-keep-firing-for-" + n++, group("- alert: A\n  expr: $EXPR\n  keep_firing_for: "
                    + q(d) + "\n"), BOTH));
            out.add(new Case("record-for-" + n++, group("- record: r\n  expr: $EXPR\n  for: " + q(d) + "\n"), BOTH));
            out.add(new Case("record-keep-firing-for-" + n++, group("- record: r\n  expr: $EXPR\n  keep_firing_for: "
                    + q(d) + "\n"), BOTH));
            out.add(new Case("group-interval-" + n++, "name: g\ninterval: " + q(d) + "\nrules:\n- record: r\n"
                    + "  expr: $EXPR\n", BOTH));
            out.add(new Case("group-query-offset-" + n++, "name: g\nquery_offset: " + q(d) + "\nrules:\n"
                    + "- record: r\n  expr: $EXPR\n", BOTH));
        }
        for (String t : TEMPLATES) {
            out.add(new Case("alert-annotation-template-" + n++, group("- alert: A\n  expr: $EXPR\n  annotations: "
                    + "{summary: " + q(t) + "}\n"), BOTH));
            out.add(new Case("alert-label-template-" + n++, group("- alert: A\n  expr: $EXPR\n  labels: {severity: "
                    + q(t) + "}\n"), BOTH));
            out.add(new Case("record-label-template-" + n++, group("- record: r\n  expr: $EXPR\n  labels: {severity: "
                    + q(t) + "}\n"), BOTH));
        }
        for (String limit : List.of("0", "1", "-1", "100", "\"x\"", "1.5")) {
            out.add(new Case("group-limit-" + n++, "name: g\nlimit: " + limit + "\nrules:\n- alert: A\n  expr: $EXPR\n",
                    BOTH));
        }
        for (String tenants : List.of("[]", "[a]", "[a, b]")) {
            out.add(new Case("group-source-tenants-" + n++, "name: g\nsource_tenants: " + tenants + "\nrules:\n"
                    + "- record: r\n  expr: $EXPR\n", BOTH));
        }
        for (int size : new int[] {1, 19, 20, 21, 40}) {
            StringBuilder rules = new StringBuilder();
            for (int i = 0; i < size; i++) {
                rules.append(i % 2 == 0 ? "- record: r" + i : "- alert: A" + i).append("\n  expr: $EXPR\n");
            }
            out.add(new Case("group-size-" + size, group(rules.toString()), BOTH));
        }
        // field combinations of one rule
        String[] fields = {"for: 5m", "keep_firing_for: 5m", "labels: {a: b}", "annotations: {a: b}", "for: 0s",
                "annotations: {}", "labels: {}"};
        for (String kind : List.of("record: r", "alert: A")) {
            for (int mask = 0; mask < (1 << fields.length); mask += 5) {
                StringBuilder rule = new StringBuilder("- " + kind + "\n  expr: $EXPR\n");
                for (int f = 0; f < fields.length; f++) {
                    if ((mask & (1 << f)) != 0 && !(fields[f].startsWith("for: 0") && (mask & 1) != 0)
                            && !(fields[f].startsWith("annotations: {}") && (mask & 8) != 0)) {
                        rule.append("  ").append(fields[f]).append('\n');
                    }
                }
                out.add(new Case(kind.substring(0, kind.indexOf(':')).toLowerCase(Locale.ROOT) + "-fields-" + mask,
                        group(rule.toString()), BOTH));
            }
        }
        return out;
    }

    private static String group(String rules) {
        return "name: g\nrules:\n" + rules;
    }

    /** A YAML double-quoted string. */
    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
