package dev.rulesync.apply;

import dev.rulesync.gosyntax.GoSyntaxException;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a group into the form a ruler gives it back: durations canonical (zero ones absent), {@code limit: 0}
 * absent, and the fields this ruler does not store removed. Origins are kept so that the planner can still point
 * at the source; comparisons with listed groups must ignore them.
 */
public final class StoredForm {

    /** Group and rule fields that some ruler silently drops. */
    public enum Field { QUERY_OFFSET, LIMIT, GROUP_LABELS, SOURCE_TENANTS, KEEP_FIRING_FOR }

    private final Set<Field> dropped;

    public StoredForm(Set<Field> dropped) {
        this.dropped = dropped.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(dropped);
    }

    public boolean drops(Field f) {
        return dropped.contains(f);
    }

    public RuleGroup apply(RuleGroup g) {
        List<Rule> rules = g.rules().stream().map(this::apply).toList();
        Integer limit = g.limit() == null || g.limit() == 0 || drops(Field.LIMIT) ? null : g.limit();
        return new RuleGroup(g.name(), stored(g.interval()),
                drops(Field.QUERY_OFFSET) ? null : stored(g.queryOffset()),
                limit,
                drops(Field.GROUP_LABELS) ? Map.of() : g.labels(),
                drops(Field.SOURCE_TENANTS) ? List.of() : g.sourceTenants(),
                rules, g.origin());
    }

    private Rule apply(Rule r) {
        return new Rule(r.record(), r.alert(), r.expr(), stored(r.forDuration()),
                drops(Field.KEEP_FIRING_FOR) ? null : stored(r.keepFiringFor()),
                r.labels(), r.annotations(), r.origin());
    }

    /**
     * A duration as the ruler gives it back: Prometheus' canonical text ({@code 90s} comes back as {@code 1m30s}),
     * or null for absent and zero durations, which the rulers leave out. Text that does not parse is returned
     * unchanged, so the ruler's own error reaches the user.
     */
    static String stored(String text) {
        if (text == null) return null;
        try {
            long nanos = PromDuration.parse(text);
            return nanos == 0 ? null : PromDuration.format(nanos);
        } catch (GoSyntaxException e) {
            return text;
        }
    }
}
