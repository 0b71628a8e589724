package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-tree stage, after each object was validated on its own: what only shows across groups, objects and
 * files of a tenant. Duplicate rules by meaning ({@code rule/duplicate}) and recording rules that feed rules of a
 * tenant which can never read them ({@code rule/dependency}).
 *
 * <p>The tree is an index kept by object: {@link #put} replaces one object's rules, {@link #remove} drops them,
 * and each costs O(that object's rules), so a controller can keep one index and update it per event.
 * {@link #problems(ObjectRef)} answers for one object, also O(its rules) plus the rules it clashes with. A
 * cross-object problem sits at one place and names the other in {@link Problem#related()}, so that it is
 * attributed to both (a report on changed files keeps it when either side changed).
 */
public final class TreeChecks {

    /** One rule with a valid expression, in its object, tenant and type. */
    public record Entry(ObjectRef object, String tenant, RuleType type, RuleGroup group, Rule rule,
                        SemanticAnalysis analysis) {

        Position at() {
            return rule.origin().field(rule.isAlert() ? "alert" : "record");
        }
    }

    private record ObjectKey(String kind, String namespace, String name) {
        static ObjectKey of(ObjectRef r) {
            return new ObjectKey(r.kind(), r.namespace(), r.name());
        }
    }

    /** Equal exactly when two rules are the same by meaning: in one tenant and type, same kind, name, tree, labels. */
    private record Meaning(String tenant, RuleType type, boolean alert, String name, String canonical,
                           Map<String, String> labels) {
    }

    private record Series(String tenant, String metric) {
    }

    private static final Comparator<Entry> FILE_ORDER = Comparator.comparing(Entry::at);

    private final Map<ObjectKey, List<Entry>> byObject = new HashMap<>();
    private final Map<Meaning, List<Entry>> byMeaning = new HashMap<>();
    private final Map<String, List<Entry>> recordersByMetric = new HashMap<>();
    private final Map<Series, List<Entry>> recordersBySeries = new HashMap<>();

    /** Replaces the rules of {@code object} (when tenant or type is unknown, the object only leaves the index). */
    public synchronized void put(ObjectRef object, String tenant, RuleType type, List<ObjectVerdict.RuleAnalysis> rules) {
        remove(object);
        if (tenant == null || type == null) return;
        List<Entry> entries = new ArrayList<>(rules.size());
        for (ObjectVerdict.RuleAnalysis ra : rules) {
            Entry e = new Entry(object, tenant, type, ra.group(), ra.rule(), ra.analysis());
            entries.add(e);
            byMeaning.computeIfAbsent(meaning(e), k -> new ArrayList<>()).add(e);
            if (!e.rule().isAlert() && e.rule().record() != null) {
                recordersByMetric.computeIfAbsent(e.rule().record(), k -> new ArrayList<>()).add(e);
                recordersBySeries.computeIfAbsent(new Series(tenant, e.rule().record()), k -> new ArrayList<>()).add(e);
            }
        }
        byObject.put(ObjectKey.of(object), entries);
    }

    public synchronized void remove(ObjectRef object) {
        List<Entry> old = byObject.remove(ObjectKey.of(object));
        if (old == null) return;
        for (Entry e : old) {
            removeFrom(byMeaning, meaning(e), e);
            if (!e.rule().isAlert() && e.rule().record() != null) {
                removeFrom(recordersByMetric, e.rule().record(), e);
                removeFrom(recordersBySeries, new Series(e.tenant(), e.rule().record()), e);
            }
        }
    }

    private static <K> void removeFrom(Map<K, List<Entry>> index, K key, Entry e) {
        List<Entry> l = index.get(key);
        if (l == null) return;
        l.remove(e);
        if (l.isEmpty()) index.remove(key);
    }

    /** The objects whose tree problems may change when {@code object} changes: those sharing a duplicate or a metric. */
    public synchronized Set<ObjectRef> related(ObjectRef object) {
        Set<ObjectRef> out = new LinkedHashSet<>();
        for (Entry e : byObject.getOrDefault(ObjectKey.of(object), List.of())) {
            for (Entry o : byMeaning.getOrDefault(meaning(e), List.of())) out.add(o.object());
            if (!e.rule().isAlert() && e.rule().record() != null) {
                for (Entry o : readersOf(e.rule().record())) out.add(o.object());
            }
            for (String m : e.analysis().metricsRead()) {
                for (Entry o : recordersByMetric.getOrDefault(m, List.of())) out.add(o.object());
            }
        }
        out.remove(object);
        return out;
    }

    private List<Entry> readersOf(String metric) {
        // only related() needs it, for incremental updates; a full scan is the simple truth
        List<Entry> out = new ArrayList<>();
        for (List<Entry> l : byObject.values()) {
            for (Entry e : l) if (e.analysis().metricsRead().contains(metric)) out.add(e);
        }
        return out;
    }

    /** Every tree problem, each once. */
    public synchronized List<Problem> all() {
        List<Problem> out = new ArrayList<>();
        for (List<Entry> same : byMeaning.values()) duplicates(same, out);
        for (List<Entry> l : byObject.values()) {
            for (Entry e : l) if (e.type() == RuleType.METRICS) dependencies(e, out);
        }
        out.sort(Comparator.comparing(Problem::position).thenComparing(Problem::check));
        return out;
    }

    /** The tree problems placed in {@code object} or naming it as a related place. */
    public synchronized List<Problem> problems(ObjectRef object) {
        List<Problem> out = new ArrayList<>();
        Set<Meaning> meanings = new LinkedHashSet<>();
        for (Entry e : byObject.getOrDefault(ObjectKey.of(object), List.of())) {
            meanings.add(meaning(e));
            if (e.type() == RuleType.METRICS) dependencies(e, out);
        }
        for (Meaning m : meanings) duplicates(byMeaning.getOrDefault(m, List.of()), out);
        out.sort(Comparator.comparing(Problem::position).thenComparing(Problem::check));
        return out;
    }

    /** Every copy after the first (in file order) of one rule, each naming the first. */
    private static void duplicates(List<Entry> same, List<Problem> out) {
        if (same.size() < 2) return;
        Entry first = same.stream().min(FILE_ORDER).orElseThrow();
        for (Entry e : same) if (e != first) out.add(duplicate(e, first));
    }

    private static Problem duplicate(Entry e, Entry first) {
        Rule r = e.rule();
        Rule f = first.rule();
        List<String> differ = new ArrayList<>();
        if (!java.util.Objects.equals(r.forDuration(), f.forDuration())) differ.add("for");
        if (!java.util.Objects.equals(r.keepFiringFor(), f.keepFiringFor())) differ.add("keep_firing_for");
        if (!r.annotations().equals(f.annotations())) differ.add("annotations");
        String where = first.at().file().equals(e.at().file()) ? "line " + first.at().line() : first.at().toString();
        String scope = first.group() == e.group() || first.object().equals(e.object()) && first.group().name().equals(e.group().name())
                ? "in this group" : first.object().equals(e.object()) ? "in group \"" + first.group().name() + "\""
                : "in " + first.object() + " group \"" + first.group().name() + "\"";
        String what = (r.isAlert() ? "alert \"" : "recording rule \"") + r.name() + "\" is the same as the one at "
                + where + " " + scope + " (same expression by meaning and the same labels, tenant " + e.tenant()
                + "): " + (r.isAlert() ? "every alert fires twice" : "both write the same series");
        if (!differ.isEmpty()) what += "; only " + String.join(" and ", differ) + " differ";
        Position at = e.at();
        return new Problem(at, Checks.severity(Checks.RULE_DUPLICATE), Checks.RULE_DUPLICATE, what, e.object(),
                e.group().name(), r.name(), nameEnd(at, r.name()), List.of(first.at()));
    }

    private void dependencies(Entry e, List<Problem> out) {
        for (String metric : e.analysis().metricsRead()) {
            if (recordersBySeries.containsKey(new Series(e.tenant(), metric))) continue;
            List<Entry> elsewhere = recordersByMetric.getOrDefault(metric, List.of());
            if (elsewhere.isEmpty()) continue;
            Map<String, Position> byTenant = new TreeMap<>();
            for (Entry p : elsewhere) {
                if (e.group().sourceTenants().contains(p.tenant())) {
                    byTenant.clear();
                    break; // a federated group reads that tenant: fine
                }
                byTenant.merge(p.tenant(), p.at(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            if (byTenant.isEmpty()) continue;
            int[] span = nameSpan(e.rule().expr(), metric);
            Position at = span == null ? e.rule().origin().field("expr") : SemanticChecks.exprAt(e.rule(), span[0]);
            Position end = span == null ? Position.UNKNOWN : SemanticChecks.exprEnd(e.rule(), span[1]);
            if (!at.isKnown()) {
                at = e.rule().origin().field("expr");
                end = Position.UNKNOWN;
            }
            var producers = byTenant.entrySet().stream().map(t -> "tenant " + t.getKey() + " (" + t.getValue() + ")")
                    .toList();
            out.add(new Problem(at, Checks.severity(Checks.RULE_DEPENDENCY), Checks.RULE_DEPENDENCY,
                    metric + " is recorded only by " + String.join(", ", producers) + ", but this rule runs in "
                            + "tenant " + e.tenant() + ", which cannot read another tenant's series; record it in "
                            + e.tenant() + " too, or set source_tenants on the group", e.object(), e.group().name(),
                    e.rule().name(), end, List.copyOf(byTenant.values())));
        }
    }

    /** Code-point span of the metric name as a selector in the expression text, or null. */
    private static int[] nameSpan(String expr, String metric) {
        Matcher m = Pattern.compile("(?<![\\w:\"])" + Pattern.quote(metric) + "(?![\\w:\"])").matcher(expr);
        if (!m.find()) return null;
        return new int[]{expr.codePointCount(0, m.start()), expr.codePointCount(0, m.end())};
    }

    private static Position nameEnd(Position at, String name) {
        if (!at.isKnown()) return Position.UNKNOWN;
        return new Position(at.file(), at.line(), at.column() + name.codePointCount(0, name.length()));
    }

    private static Meaning meaning(Entry e) {
        Map<String, String> labels = new TreeMap<>(e.group().labels());
        labels.putAll(e.rule().labels());
        return new Meaning(e.tenant(), e.type(), e.rule().isAlert(), e.rule().name(), e.analysis().canonical(),
                new LinkedHashMap<>(labels));
    }
}
