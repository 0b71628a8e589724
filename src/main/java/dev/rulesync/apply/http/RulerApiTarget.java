package dev.rulesync.apply.http;

import dev.rulesync.apply.ReadLimit;
import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.http.RulerHttpClient.Reply;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ruler configuration API that Mimir and Loki share: {@code <base>[/{namespace}[/{group}]]}, groups as YAML,
 * {@code GET} to read, {@code POST} a group to a namespace, {@code DELETE} (a missing group or namespace is not an
 * error). Subclasses state which names the ruler can hold and which fields it keeps; the rest of what differs on the
 * wire is a {@link Dialect}.
 */
public abstract class RulerApiTarget implements RulerTarget {

    /**
     * What one ruler does differently on the wire.
     *
     * @param name           target name for plans, logs and errors
     * @param type           which rule objects the ruler serves
     * @param path           the API path after the configured prefix, e.g. {@code /config/v1/rules}
     * @param encodings      how many times each name is percent-encoded: once per decoding the ruler does
     * @param noGroups404    the body text of the ruler's own {@code 404} for a tenant without groups, or null when an
     *                       empty tenant lists as {@code 200}
     * @param noNamespace404 the body text of the ruler's own {@code 404} for a namespace without groups, or null when
     *                       such a namespace lists as {@code 200}
     * @param unstorableNamesAbsent true when a name {@link #nameProblem} refuses cannot exist in the ruler, so get
     *                       and delete of it answer without a request
     */
    public record Dialect(String name, RuleType type, String path, int encodings, String noGroups404,
                          String noNamespace404, boolean unstorableNamesAbsent) {
    }

    /**
     * Default cap on one answer. A whole tenant is listed in one answer, a few hundred bytes of YAML per rule
     * (20,000 rules: several MB, far above WebClient's 256 KiB default, found by TargetListBenchmark): a tenant ten
     * times that large still fits, a runaway answer does not.
     */
    public static final String DEFAULT_MAX_RESPONSE_SIZE = "64MB";

    private final Dialect dialect;
    private final String base;
    private final RulerHttpClient http;

    /**
     * @param urlMissing the message when {@code url} is null
     * @param limit      the cap on one answer
     */
    protected RulerApiTarget(Dialect dialect, URI url, String urlMissing, String prefix, HttpAuthProperties auth,
                             TlsProperties tls, Duration timeout, RetryProperties retry, ReadLimit limit) {
        if (url == null) throw new IllegalArgumentException(urlMissing);
        String u = url.toString();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        this.dialect = dialect;
        this.base = u + prefix + dialect.path();
        this.http = new RulerHttpClient(dialect.name(), auth, tls, timeout, retry, limit);
    }

    @Override
    public final String name() {
        return dialect.name();
    }

    @Override
    public final RuleType type() {
        return dialect.type();
    }

    @Override
    public final Map<String, List<RuleGroup>> list(String tenant) {
        URI uri = requestUri();
        Reply r = http.send(HttpMethod.GET, uri, RulerTarget.validTenant(name(), tenant), null);
        // Only the ruler's own "no groups" answer means empty: any other 404 (API disabled, wrong prefix) is an error,
        // or a misconfigured target would look empty and the planner would re-create everything.
        if (dialect.noGroups404() != null && r.status() == 404 && r.body().contains(dialect.noGroups404())) {
            return Map.of();
        }
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        return read(uri, () -> RulerYaml.readListing(r.body()));
    }

    @Override
    public final List<RuleGroup> list(String tenant, String namespace) {
        if (absent(namespace, "g")) return List.of(); // "g": any storable group name, only the namespace is asked
        URI uri = requestUri(namespace);
        Reply r = http.send(HttpMethod.GET, uri, RulerTarget.validTenant(name(), tenant), null);
        // as for the tenant: only the ruler's own "no such namespace" answer is empty, any other 404 an error
        if (dialect.noNamespace404() != null && r.status() == 404 && r.body().contains(dialect.noNamespace404())) {
            return List.of();
        }
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        Map<String, List<RuleGroup>> listed = read(uri, () -> RulerYaml.readListing(r.body()));
        if (!listed.keySet().stream().allMatch(namespace::equals)) {
            throw new RulerException(name() + " " + uri.getRawPath() + ": asked for namespace \"" + namespace
                    + "\", got " + listed.keySet(), 200, true, null);
        }
        return listed.getOrDefault(namespace, List.of());
    }

    @Override
    public final Optional<RuleGroup> get(String tenant, String namespace, String group) {
        if (absent(namespace, group)) return Optional.empty();
        URI uri = requestUri(namespace, group);
        Reply r = http.send(HttpMethod.GET, uri, RulerTarget.validTenant(name(), tenant), null);
        if (r.status() == 404) return Optional.empty();
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        return Optional.of(read(uri, () -> RulerYaml.readGroup(r.body())));
    }

    @Override
    public final void setGroup(String tenant, String namespace, RuleGroup group) {
        nameProblem(namespace, group.name()).ifPresent(p -> {
            throw new RulerException(name() + ": " + p, 0, true, null);
        });
        URI uri = requestUri(namespace);
        Reply r = http.send(HttpMethod.POST, uri, RulerTarget.validTenant(name(), tenant), RulerYaml.write(group));
        if (!r.ok()) throw http.permanentError(HttpMethod.POST, uri, r);
    }

    @Override
    public final void deleteGroup(String tenant, String namespace, String group) {
        if (absent(namespace, group)) return; // such a group cannot exist in this ruler
        delete(tenant, requestUri(namespace, group));
    }

    @Override
    public final void deleteNamespace(String tenant, String namespace) {
        if (absent(namespace, "g")) return; // "g" is any storable group name: only the namespace is in question
        delete(tenant, requestUri(namespace));
    }

    private boolean absent(String namespace, String group) {
        return dialect.unstorableNamesAbsent() && nameProblem(namespace, group).isPresent();
    }

    private void delete(String tenant, URI uri) {
        Reply r = http.send(HttpMethod.DELETE, uri, RulerTarget.validTenant(name(), tenant), null);
        if (!r.ok() && r.status() != 404) throw http.permanentError(HttpMethod.DELETE, uri, r);
    }

    /** Request URI with each name percent-encoded {@link Dialect#encodings()} times. */
    protected final URI requestUri(String... segments) {
        StringBuilder s = new StringBuilder(base);
        for (String seg : segments) {
            String encoded = seg;
            for (int i = 0; i < dialect.encodings(); i++) encoded = PathSegments.encode(encoded);
            s.append('/').append(encoded);
        }
        return URI.create(s.toString());
    }

    private <T> T read(URI uri, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new RulerException(name() + " " + uri.getRawPath() + ": " + e.getMessage(), 200, true, e);
        }
    }
}
