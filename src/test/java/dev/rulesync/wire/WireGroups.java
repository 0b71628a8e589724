package dev.rulesync.wire;

/**
 * Rule group bodies that the Mimir and Loki wire ITs both post, so that both rulers are asked the same question and
 * differ only in the expression language.
 */
final class WireGroups {

    private WireGroups() {
    }

    /**
     * A group {@code all-fields} that sets every group field and every alerting-rule field Prometheus defines, so a
     * GET shows which of them the ruler keeps.
     */
    static String allFields(String alertExpr) {
        return """
                name: all-fields
                interval: 30s
                query_offset: 15s
                limit: 5
                labels:
                  team: a
                rules:
                  - alert: Always
                    expr: %s
                    for: 5m
                    keep_firing_for: 2m
                    labels:
                      severity: page
                    annotations:
                      summary: always firing
                """.formatted(alertExpr);
    }

    /** A group of {@code count} recording rules {@code r<i>:<recordSuffix>}, each with the same expression. */
    static String recordingRules(String name, int count, String recordSuffix, String expr) {
        StringBuilder group = new StringBuilder("name: ").append(name).append("\nrules:\n");
        for (int i = 0; i < count; i++) {
            group.append("  - record: r").append(i).append(':').append(recordSuffix)
                    .append("\n    expr: ").append(expr).append('\n');
        }
        return group.toString();
    }
}
