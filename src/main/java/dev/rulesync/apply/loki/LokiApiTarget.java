package dev.rulesync.apply.loki;

import dev.rulesync.apply.http.RulerApiTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.net.URI;
import java.util.Optional;

/**
 * Loki's ruler API: {@code <prefix>/loki/api/v1/rules[/{namespace}[/{group}]]}. Loki decodes the path before routing
 * and unescapes the names once more, so each name is percent-encoded twice ({@code %} travels as {@code %2525}) and
 * can never contain {@code /}. A tenant or namespace without groups lists as {@code 404 no rule groups found}; any
 * other 404 of a listing is an error. A name {@link LokiRules#nameProblem} refuses cannot exist in Loki, so get,
 * list and delete of it answer without asking.
 */
public final class LokiApiTarget extends RulerApiTarget {

    private static final Dialect LOKI =
            new Dialect("loki-api", RuleType.LOGS, "/loki/api/v1/rules", 2, "no rule groups found",
                    "no rule groups found", true);

    public LokiApiTarget(LokiTargetProperties p) {
        super(LOKI, p.url(), "loki: url is required for the API target", p.prefix(), p.auth(), p.tls(), p.timeout(),
                p.retry(), p.readLimit());
    }

    @Override
    public RuleGroup stored(RuleGroup group) {
        return LokiRules.stored(group);
    }

    @Override
    public Optional<String> nameProblem(String namespace, String group) {
        return LokiRules.nameProblem(namespace, group);
    }

    /** Request URI with each name encoded twice; package-private for the escaping tests. */
    URI uri(String... segments) {
        return requestUri(segments);
    }
}
