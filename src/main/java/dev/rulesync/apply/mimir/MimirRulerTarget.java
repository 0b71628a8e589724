package dev.rulesync.apply.mimir;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.StoredForm;
import dev.rulesync.apply.TenantIds;
import dev.rulesync.apply.http.PathSegments;
import dev.rulesync.apply.http.RulerHttpClient;
import dev.rulesync.apply.http.RulerHttpClient.Reply;
import dev.rulesync.apply.http.RulerYaml;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mimir's ruler configuration API: {@code <prefix>/config/v1/rules[/{namespace}[/{group}]]}. Mimir decodes each
 * path segment exactly once, so names are percent-encoded once and may contain {@code /} (sent as {@code %2F}).
 * An empty tenant lists as {@code 200 {}}.
 */
public final class MimirRulerTarget implements RulerTarget {

    /**
     * Fields Mimir drops: none. The wire spec guessed that Mimir drops {@code limit} (UNVERIFIED); the real Mimir
     * (main of 2026-04-23, aced80d74930) returns both {@code limit} and group {@code labels}, as MimirRulerTargetIT
     * shows. For an older Mimir that drops them, put {@code LIMIT} / {@code GROUP_LABELS} in this set.
     */
    static final EnumSet<StoredForm.Field> DROPPED = EnumSet.noneOf(StoredForm.Field.class);

    private static final StoredForm STORED = new StoredForm(DROPPED);
    private static final String NAME = "mimir";

    private final String base;
    private final RulerHttpClient http;

    public MimirRulerTarget(MimirTargetProperties p) {
        if (p.url() == null) throw new IllegalArgumentException("mimir: url is required");
        String url = p.url().toString();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        this.base = url + p.prefix() + "/config/v1/rules";
        this.http = new RulerHttpClient(NAME, p.auth(), p.tls(), p.timeout(), p.retry());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleType type() {
        return RuleType.METRICS;
    }

    @Override
    public Map<String, List<RuleGroup>> list(String tenant) {
        URI uri = uri();
        Reply r = http.send(HttpMethod.GET, uri, TenantIds.require(NAME, tenant), null);
        if (!r.ok()) throw http.permanentError(HttpMethod.GET, uri, r);
        return read(uri, () -> RulerYaml.readListing(r.body()));
    }

    @Override
    public Optional<RuleGroup> get(String tenant, String namespace, String group) {
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
        delete(tenant, uri(namespace, group));
    }

    @Override
    public void deleteNamespace(String tenant, String namespace) {
        delete(tenant, uri(namespace));
    }

    private void delete(String tenant, URI uri) {
        Reply r = http.send(HttpMethod.DELETE, uri, TenantIds.require(NAME, tenant), null);
        if (!r.ok() && r.status() != 404) throw http.permanentError(HttpMethod.DELETE, uri, r);
    }

    @Override
    public RuleGroup stored(RuleGroup group) {
        return STORED.apply(group);
    }

    @Override
    public Optional<String> nameProblem(String namespace, String group) {
        for (String n : new String[]{namespace, group}) {
            if (n == null || n.isEmpty()) return Optional.of("Mimir namespace and group names must not be empty");
            // "." and ".." are path steps to every HTTP client and proxy on the way, however they are encoded.
            if (n.equals(".") || n.equals("..")) return Optional.of("Mimir cannot address a name \"" + n + "\"");
        }
        return Optional.empty();
    }

    /** Request URI with each name encoded once; package-private for the escaping tests. */
    URI uri(String... segments) {
        StringBuilder s = new StringBuilder(base);
        for (String seg : segments) s.append('/').append(PathSegments.encode(seg));
        return URI.create(s.toString());
    }

    private void requireName(String namespace, String group) {
        nameProblem(namespace, group).ifPresent(p -> {
            throw new RulerException(NAME + ": " + p, 0, true, null);
        });
    }

    private static <T> T read(URI uri, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new RulerException(NAME + " " + uri.getRawPath() + ": " + e.getMessage(), 200, true, e);
        }
    }
}
