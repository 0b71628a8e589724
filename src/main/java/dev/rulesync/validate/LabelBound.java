package dev.rulesync.validate;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an expression's result series can carry as labels, as far as the expression alone tells. Either
 * {@code closed}: at most the labels in {@code names} ({@code sum by (job)} gives at most {@code job}); or open:
 * any label except those in {@code names} ({@code sum without (pod)} or a plain selector). {@code present} are
 * labels every result series certainly has with a non-empty value (from {@code job="x"} matchers), which
 * decides when two sides of a binary operation can never match.
 */
public record LabelBound(boolean closed, Set<String> names, Set<String> present) {

    /** A plain selector: any label may be there. */
    public static final LabelBound ANY = new LabelBound(false, Set.of(), Set.of());

    /** A scalar or {@code vector(1)}: no labels at all. */
    public static final LabelBound NONE = new LabelBound(true, Set.of(), Set.of());

    public LabelBound {
        names = Set.copyOf(names);
        present = Set.copyOf(present);
    }

    public static LabelBound closed(Set<String> names, Set<String> present) {
        return new LabelBound(true, names, present);
    }

    /** True when no result series can have {@code label}: the expression removed it, or never had it. */
    public boolean absent(String label) {
        return closed ? !names.contains(label) : names.contains(label);
    }

    /** Only {@code keep} stays (by, on): what may remain is what may exist and is kept. */
    public LabelBound keep(Set<String> keep) {
        Set<String> n = new TreeSet<>();
        for (String k : keep) if (!absent(k)) n.add(k);
        return closed(n, intersect(present, keep));
    }

    /** {@code drop} goes (without, ignoring, a function that removes a label). */
    public LabelBound drop(Set<String> drop) {
        Set<String> p = new HashSet<>(present);
        p.removeAll(drop);
        if (closed) {
            Set<String> n = new TreeSet<>(names);
            n.removeAll(drop);
            return closed(n, p);
        }
        Set<String> n = new TreeSet<>(names);
        n.addAll(drop);
        return new LabelBound(false, n, p);
    }

    /** {@code add} may be set on top (label_replace's destination, group_left's included labels). */
    public LabelBound add(Set<String> add) {
        Set<String> n = new TreeSet<>(names);
        if (closed) n.addAll(add);
        else n.removeAll(add);
        return new LabelBound(closed, n, present);
    }

    /** Either side's series ({@code or}): a label is absent only when both sides lack it. */
    public LabelBound union(LabelBound o) {
        Set<String> p = intersect(present, o.present);
        if (closed && o.closed) {
            Set<String> n = new TreeSet<>(names);
            n.addAll(o.names);
            return closed(n, p);
        }
        Set<String> n = new TreeSet<>();
        if (!closed && !o.closed) {
            n.addAll(intersect(names, o.names));
        } else {
            LabelBound open = closed ? o : this;
            LabelBound shut = closed ? this : o;
            for (String x : open.names) if (!shut.names.contains(x)) n.add(x);
        }
        return new LabelBound(false, n, p);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
