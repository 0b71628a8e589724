package dev.rulesync.validate;

import dev.rulesync.gosyntax.GoTemplate;

import java.util.Optional;
import java.util.Set;

/**
 * Alert labels and annotations as Prometheus' rule loader (and so Mimir's ruler) checks them: each value is parsed
 * by Go's text/template after a header declaring {@code $labels}, {@code $externalLabels}, {@code $externalURL} and
 * {@code $value}, with Prometheus' template functions. Nothing is executed.
 */
public final class AlertTemplates {

    /** The functions Prometheus' template expander registers besides text/template's own (template/template.go). */
    public static final Set<String> FUNCTIONS = Set.of(
            "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title",
            "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "humanize", "humanize1024",
            "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "toDuration", "now",
            "pathPrefix", "externalURL", "parseDuration", "stripPort", "stripDomain", "urlQueryEscape");

    /** rulefmt's header: the variables every alert template may use. */
    static final String HEADER =
            "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    /** Prometheus names the template "__alert_" + the alert's name; only Go's message shows it. */
    private static final GoTemplate.Env ENV = new GoTemplate.Env("__alert_", HEADER, FUNCTIONS);

    private AlertTemplates() {
    }

    /** Empty when Prometheus parses the template, else the error, placed in the text. */
    public static Optional<GoTemplate.Error> check(String text) {
        return GoTemplate.parse(text, ENV);
    }
}
