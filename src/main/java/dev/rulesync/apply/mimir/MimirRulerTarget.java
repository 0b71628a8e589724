package dev.rulesync.apply.mimir;

import dev.rulesync.apply.StoredForm;
import dev.rulesync.apply.http.RulerApiTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Mimir's ruler configuration API: {@code <prefix>/config/v1/rules[/{namespace}[/{group}]]}. Mimir decodes each
 * path segment exactly once, so names are percent-encoded once and may contain {@code /} (sent as {@code %2F}).
 * An empty tenant, and a namespace without groups, list as {@code 200 {}}, so every {@code 404} of a listing is an
 * error.
 */
public final class MimirRulerTarget extends RulerApiTarget {

    /**
     * Fields Mimir drops: none. The wire spec guessed that Mimir drops {@code limit} (UNVERIFIED); the real Mimir
     * (main of 2026-04-23, aced80d74930) returns both {@code limit} and group {@code labels}, as MimirRulerTargetIT
     * shows. For an older Mimir that drops them, put {@code LIMIT} / {@code GROUP_LABELS} in this set.
     */
    static final EnumSet<StoredForm.Field> DROPPED = EnumSet.noneOf(StoredForm.Field.class);

    private static final StoredForm STORED = new StoredForm(DROPPED);
    // Names nameProblem refuses still go to Mimir on get/delete: it answers for itself, as it always has.
    private static final Dialect MIMIR = new Dialect("mimir", RuleType.METRICS, "/config/v1/rules", 1, null, null,
            false);

    public MimirRulerTarget(MimirTargetProperties p) {
        super(MIMIR, p.url(), "mimir: url is required", p.prefix(), p.auth(), p.tls(), p.timeout(), p.retry(),
                p.readLimit());
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
        return requestUri(segments);
    }
}
