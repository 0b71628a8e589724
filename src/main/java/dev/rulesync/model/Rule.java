package dev.rulesync.model;

import java.util.Map;
import java.util.Objects;

/**
 * One recording or alerting rule, as written by the user. Exactly one of {@code record} and {@code alert} is
 * meant to be set; the checks report it when not, so the model can hold what the file really says.
 * Durations stay as written (Prometheus duration strings) so that messages can quote them; {@code null} means absent.
 *
 * @param record        recording rule name, or null
 * @param alert         alert name, or null
 * @param expr          the expression text, exactly as loaded (an int {@code expr} becomes its decimal text)
 * @param forDuration   alerting {@code for}, or null
 * @param keepFiringFor alerting {@code keep_firing_for}, or null
 * @param labels        rule labels, in file order
 * @param annotations   alert annotations, in file order
 * @param origin        where the rule and its parts sit in the source
 */
public record Rule(String record, String alert, String expr, String forDuration, String keepFiringFor,
                   Map<String, String> labels, Map<String, String> annotations, Origin origin) {

    public Rule {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        annotations = annotations == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
        origin = origin == null ? Origin.NONE : origin;
    }

    public static Rule recording(String record, String expr) {
        return new Rule(record, null, expr, null, null, Map.of(), Map.of(), Origin.NONE);
    }

    public static Rule alerting(String alert, String expr, String forDuration,
                                Map<String, String> labels, Map<String, String> annotations) {
        return new Rule(null, alert, expr, forDuration, null, labels, annotations, Origin.NONE);
    }

    public boolean isAlert() {
        return alert != null;
    }

    /** The rule's name, whichever kind it is. */
    public String name() {
        return alert != null ? alert : Objects.requireNonNullElse(record, "");
    }

    public Rule withExpr(String newExpr) {
        return new Rule(record, alert, newExpr, forDuration, keepFiringFor, labels, annotations, origin);
    }
}
