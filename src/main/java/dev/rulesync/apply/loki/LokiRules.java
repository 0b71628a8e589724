package dev.rulesync.apply.loki;

import dev.rulesync.apply.StoredForm;
import dev.rulesync.model.RuleGroup;

import java.util.EnumSet;
import java.util.Optional;

/** What Loki stores and which names it can hold, the same whether groups arrive through its API or its bucket. */
public final class LokiRules {

    /**
     * Loki's storage format keeps name, interval, limit and the rules' expr/record/alert/for/labels/annotations;
     * everything else is silently dropped.
     */
    static final EnumSet<StoredForm.Field> DROPPED = EnumSet.of(StoredForm.Field.QUERY_OFFSET,
            StoredForm.Field.GROUP_LABELS, StoredForm.Field.KEEP_FIRING_FOR, StoredForm.Field.SOURCE_TENANTS);
    private static final StoredForm STORED = new StoredForm(DROPPED);

    private LokiRules() {
    }

    public static RuleGroup stored(RuleGroup g) {
        return STORED.apply(g);
    }

    /**
     * Loki routes on the decoded path, so a {@code /} in a name can never be addressed through its API, and since
     * v3.6.15/v3.7 a name must be a local path (no {@code ..}). The S3 store keeps the same rule so that every group
     * it writes stays manageable through the API.
     */
    public static Optional<String> nameProblem(String namespace, String group) {
        if (namespace == null || namespace.isEmpty()) return Optional.of("Loki namespace name must not be empty");
        if (group == null || group.isEmpty()) return Optional.of("Loki group name must not be empty");
        for (String n : new String[]{namespace, group}) {
            if (n.indexOf('/') >= 0) return Optional.of("Loki cannot store '/' in a namespace or group name: \"" + n + "\"");
            if (n.equals(".") || n.equals("..")) return Optional.of("Loki cannot store a name \"" + n + "\"");
            if (n.indexOf('\0') >= 0) return Optional.of("Loki cannot store a NUL character in \"" + n + "\"");
        }
        return Optional.empty();
    }
}
