package dev.rulesync.validate;

import dev.rulesync.gosyntax.GoTemplate;
import dev.rulesync.gosyntax.GoTemplate.Token;
import dev.rulesync.gosyntax.GoTemplate.TokenType;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * A use of the alert's data in a template: a label ({@code $labels.x}, {@code .Labels.x},
     * {@code index $labels "x"}) or the value ({@code $value}, {@code .Value}). Offsets are UTF-16 indexes into the
     * text; {@code bare} marks a value printed as is ({@code {{ $value }}}); {@code printed} is false inside an
     * {@code if}, {@code with} or {@code range} condition or a comparison, where it only picks between texts.
     */
    public record Use(boolean value, String label, int offset, int length, boolean bare, boolean printed) {
    }

    private static final Set<String> CONDITIONS = Set.of("if", "else", "with", "range");
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "lt", "le", "gt", "ge");

    /** The uses of labels and of the value in a template; empty when it does not lex (the syntax check says why). */
    public static List<Use> uses(String text) {
        if (text.indexOf("{{") < 0) return List.of();
        List<Token> t = GoTemplate.tokens(text);
        List<Use> out = new ArrayList<>();
        boolean condition = false;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.type() == TokenType.LEFT_DELIM && i + 1 < t.size()) {
                Token w = t.get(i + 1);
                condition = w.type() == TokenType.KEYWORD && CONDITIONS.contains(w.text());
            }
            boolean compared = i > 0 && t.get(i - 1).type() == TokenType.IDENTIFIER
                    && COMPARISONS.contains(t.get(i - 1).text());
            Token next = i + 1 < t.size() ? t.get(i + 1) : null;
            boolean chained = next != null && next.type() == TokenType.FIELD && !next.spaceBefore();
            if (isLabels(k) && chained) {
                out.add(new Use(false, next.text().substring(1), next.offset() + 1, next.text().length() - 1, false,
                        !condition));
                i++;
            } else if (k.type() == TokenType.IDENTIFIER && k.text().equals("index") && next != null && isLabels(next)
                    && i + 2 < t.size() && t.get(i + 2).type() == TokenType.STRING && t.get(i + 2).text().length() >= 2) {
                Token key = t.get(i + 2);
                out.add(new Use(false, key.text().substring(1, key.text().length() - 1), key.offset() + 1,
                        key.text().length() - 2, false, !condition));
                i += 2;
            } else if (k.type() == TokenType.VARIABLE && k.text().equals("$value")
                    || k.type() == TokenType.FIELD && k.text().equals(".Value")) {
                boolean bare = i > 0 && t.get(i - 1).type() == TokenType.LEFT_DELIM && next != null
                        && next.type() == TokenType.RIGHT_DELIM;
                out.add(new Use(true, null, k.offset(), k.text().length(), bare, !condition && !compared));
            }
        }
        return out;
    }

    private static boolean isLabels(Token k) {
        return k.type() == TokenType.VARIABLE && k.text().equals("$labels")
                || k.type() == TokenType.FIELD && k.text().equals(".Labels");
    }
}
