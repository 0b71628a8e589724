package dev.rulesync.apply.loki;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.TenantIds;
import dev.rulesync.apply.http.PathSegments;
import dev.rulesync.apply.http.RulerHttpClient;
import dev.rulesync.apply.http.RulerHttpClient.Reply;
import dev.rulesync.apply.http.RulerYaml;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loki's ruler API: {@code <prefix>/loki/api/v1/rules[/{namespace}[/{group}]]}. Loki decodes the path before routing
 * and unescapes the names once more, so each name is percent-encoded twice ({@code %} travels as {@code %2525}) and
 * can never contain {@code /}. A tenant without groups lists as {@code 404 no rule groups found}.
 */
public final class LokiApiTarget implements RulerTarget {

    private static final String NAME = "loki-api";
    private static final String NO_GROUPS = "no rule groups found";

    private final String base;
    private final RulerHttpClient http;

    public LokiApiTarget(LokiTargetProperties p) {
        if (p.url() == null) throw new IllegalArgumentException("loki: url is required for the API target");
        String url = p.url().toString();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        this.base = url + p.prefix() + "/loki/api/v1/rules";
        this.http = new RulerHttpClient(NAME, p.auth(), p.tls(), p.timeout(), p.retry());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleType type() {
        return RuleType.LOGS;
    }

    @Override
    public Map<String, List<RuleGroup>> list(String tenant) {
        URI uri = uri();
        Reply r = http.send(HttpMethod.GET, uri, TenantIds.require(NAME, tenant), null);
        // Only Loki's own "no groups" answer means empty: any other 404 (API disabled, wrong prefix) is an error, or a
        // misconfigured target would look empty and the planner would re-create everything.
        if (r.status() == 404 && r.body().contains(NO_GROUPS)) return Map.of();
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        return read(uri, () -> RulerYaml.readListing(r.body()));
    }

    @Override
    public Optional<RuleGroup> get(String tenant, String namespace, String group) {
        if (nameProblem(namespace, group).isPresent()) return Optional.empty();
        URI uri = uri(namespace, group);
        Reply r = http.send(HttpMethod.GET, uri, TenantIds.require(NAME, tenant), null);
        if (r.status() == 404) return Optional.empty();
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        return Optional.of(read(uri, () -> RulerYaml.readGroup(r.body())));
    }

    @Override
    public void setGroup(String tenant, String namespace, RuleGroup group) {
        requireName(namespace, group.name());
        URI uri = uri(namespace);
        Reply r = http.send(HttpMethod.POST, uri, TenantIds.require(NAME, tenant), RulerYaml.write(group));
        if (!r.ok()) throw http.permanentError(HttpMethod.POST, uri, r);
    }

    @Override
    public void deleteGroup(String tenant, String namespace, String group) {
        if (nameProblem(namespace, group).isPresent()) return; // such a group cannot exist in Loki
        delete(tenant, uri(namespace, group));
    }

    @Override
    public void deleteNamespace(String tenant, String namespace) {
        if (nameProblem(namespace, "g").isPresent()) return;
        delete(tenant, uri(namespace));
    }

    private void delete(String tenant, URI uri) {
        Reply r = http.send(HttpMethod.DELETE, uri, TenantIds.require(NAME, tenant), null);
        if (!r.ok() && r.status() != 404) throw http.permanentError(HttpMethod.DELETE, uri, r);
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
        StringBuilder s = new StringBuilder(base);
        for (String seg : segments) s.append('/').append(PathSegments.encode(PathSegments.encode(seg)));
        return URI.create(s.toString());
    }

    private void requireName(String namespace, String group) {
        nameProblem(namespace, group).ifPresent(p -> {
            throw new RulerException(NAME + ": " + p, 0, true, null);
        });
    }

    private static <T> T read(URI uri, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new RulerException(NAME + " " + uri.getRawPath() + ": " + e.getMessage(), 200, true, e);
        }
    }
}
