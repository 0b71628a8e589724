package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Desired state against remote state, giving CREATE/UPDATE/DELETE per group. A pure function over values: listing
 * happens before (see {@code dev.rulesync.sync.RemoteReader}), applying after ({@code PlanExecutor}).
 *
 * <p>Safety rules, in the order they apply to one (target, tenant):
 * <ol>
 * <li>A tenant whose listing failed (or was not listed) gets no operations, only FAILED lines for its desired groups.
 * <li>Only owned remote namespaces ({@link NamingTemplate#owns}) are looked at; others are invisible.
 * <li>The remote namespace of an invalid object is KEPT: nothing is planned for it, even for valid objects that share
 *     it. If an invalid object cannot be named at all, every would-be DELETE of that tenant is KEPT instead.
 * <li>Two sources for one (namespace, group) are a collision: a problem on both, and the group is KEPT.
 * <li>A group the target cannot name ({@link TargetProfile#nameProblem}) is FAILED with a problem on its object.
 * <li>Otherwise: missing remotely, CREATE; different in a stored field, UPDATE; equal, NOOP; remote group with no
 *     desired counterpart in a namespace a given object maps to, DELETE.
 * <li>An owned remote namespace that no given object maps to is deleted as a whole only when {@link Pruning#PRUNE};
 *     with {@link Pruning#KEEP} it is left alone and listed in {@link TenantPlan#unpruned()}.
 * </ol>
 */
public final class Planner {

    private final List<PlanTarget> targets;
    private final Pruning pruning;

    /**
     * @param pruning whether owned namespaces that no given object maps to are deleted: {@link Pruning#PRUNE} only
     *                for a caller that is given the whole desired state (the controller, {@code sync --prune})
     */
    public Planner(List<PlanTarget> targets, Pruning pruning) {
        this.targets = List.copyOf(targets);
        this.pruning = java.util.Objects.requireNonNull(pruning, "pruning");
        Set<String> names = new TreeSet<>();
        for (PlanTarget t : this.targets) {
            if (!names.add(t.name())) throw new IllegalArgumentException("two targets are named " + t.name());
        }
    }

    public List<PlanTarget> targets() {
        return targets;
    }

    public Pruning pruning() {
        return pruning;
    }

    public Plan plan(Collection<DesiredObject> desired, RemoteState remote) {
        return plan(desired, remote, Scope.ALL);
    }

    /** Plans the part of the world the scope covers; see {@link Scope} for what a slice needs as input. */
    public Plan plan(Collection<DesiredObject> desired, RemoteState remote, Scope scope) {
        Set<Problem> problems = new LinkedHashSet<>();
        Set<ObjectRef> invalid = new LinkedHashSet<>();
        desired.stream().filter(o -> !o.valid()).forEach(o -> invalid.add(o.ref()));
        List<TenantPlan> tenants = new ArrayList<>();
        for (PlanTarget target : targets) {
            for (String tenant : tenantsOf(target, desired, remote)) {
                TargetKey key = new TargetKey(target.name(), tenant);
                if (!scope.covers(key)) continue;
                List<DesiredObject> concerned = desired.stream()
                        .filter(o -> o.concerns(target.profile().type(), tenant)).toList();
                tenants.add(new TenantPlanner(target, key, scope, pruning, problems, invalid)
                        .plan(concerned, remote.listing(key).orElse(null)));
            }
        }
        tenants.sort(java.util.Comparator.comparing(TenantPlan::key));
        return new Plan(tenants, List.copyOf(problems), invalid);
    }

    /**
     * The remote namespaces an object renders to, one per target of its type: what the controller indexes its
     * objects by, so that an event re-plans only these keys. Empty when the object cannot be named or its tenant or
     * type is unknown (such an invalid object must be passed to every plan of its possible tenants).
     */
    public Set<NamespaceKey> keysOf(DesiredObject object) {
        Set<NamespaceKey> keys = new TreeSet<>();
        if (object.tenant() == null || object.type() == null) return keys;
        for (PlanTarget target : targets) {
            if (target.profile().type() != object.type()) continue;
            try {
                keys.add(new NamespaceKey(target.name(), object.tenant(),
                        target.naming().render(object.ref(), object.tenant())));
            } catch (IllegalArgumentException unnamed) {
                // reported as a problem when planned
            }
        }
        return keys;
    }

    /**
     * Which tenants to list on each target: every tenant a source object names, plus, when pruning,
     * {@code knownTenants} (tenants rule-sync may have written before and whose owned namespaces must be cleaned
     * when their last object goes). Without pruning a tenant no object names could get no operation at all.
     */
    public Map<String, Set<String>> tenantsToList(Collection<DesiredObject> desired, Set<String> knownTenants) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (PlanTarget target : targets) {
            Set<String> tenants = new TreeSet<>(pruning == Pruning.PRUNE ? knownTenants : Set.of());
            desired.stream().filter(o -> o.tenant() != null
                            && (o.type() == null || o.type() == target.profile().type()))
                    .forEach(o -> tenants.add(o.tenant()));
            out.put(target.name(), tenants);
        }
        return out;
    }

    private static Set<String> tenantsOf(PlanTarget target, Collection<DesiredObject> desired, RemoteState remote) {
        Set<String> tenants = new TreeSet<>();
        desired.stream().filter(o -> o.tenant() != null && (o.valid() ? o.type() == target.profile().type()
                        : o.type() == null || o.type() == target.profile().type()))
                .forEach(o -> tenants.add(o.tenant()));
        remote.listings().keySet().stream().filter(k -> k.target().equals(target.name()))
                .forEach(k -> tenants.add(k.tenant()));
        return tenants;
    }

    /** The planning of one (target, tenant); a small class so each step can be a named method. */
    private static final class TenantPlanner {
        private final PlanTarget target;
        private final TargetKey key;
        private final Scope scope;
        private final Pruning pruning;
        private final Set<Problem> problems;
        private final Set<ObjectRef> invalid;
        private final GroupComparator comparator;

        /** Desired groups by namespace, then group name, with every source that claims them. */
        private final Map<String, Map<String, List<Source>>> wanted = new TreeMap<>();
        /** Namespaces left alone because an invalid object maps to them, with the reason. */
        private final Map<String, String> kept = new TreeMap<>();
        /** Every namespace a given object maps to, with or without groups, valid or not. */
        private final Set<String> given = new TreeSet<>();
        /** Set when an invalid object cannot be named: no DELETE is safe in this tenant. */
        private String keepAllReason;

        TenantPlanner(PlanTarget target, TargetKey key, Scope scope, Pruning pruning, Set<Problem> problems,
                      Set<ObjectRef> invalid) {
            this.target = target;
            this.key = key;
            this.scope = scope;
            this.pruning = pruning;
            this.problems = problems;
            this.invalid = invalid;
            this.comparator = new GroupComparator(target.profile(), target.language());
        }

        TenantPlan plan(List<DesiredObject> objects, Listing listing) {
            objects.forEach(this::place);
            if (!(listing instanceof Listing.Listed listed)) {
                String why = listing instanceof Listing.Failed f ? "listing failed: " + f.message() : "not listed";
                return new TenantPlan(key, why, failedLines(why), List.of());
            }
            Map<String, Map<String, RuleGroup>> remote = ownedRemote(listed);
            Set<String> namespaces = new TreeSet<>(wanted.keySet());
            namespaces.addAll(kept.keySet());
            namespaces.addAll(remote.keySet());
            List<Change> changes = new ArrayList<>();
            List<String> unpruned = new ArrayList<>();
            for (String ns : namespaces) {
                Map<String, RuleGroup> remoteGroups = remote.getOrDefault(ns, Map.of());
                if (kept.containsKey(ns)) {
                    keepNamespace(ns, remoteGroups, kept.get(ns), changes);
                } else if (wanted.containsKey(ns)) {
                    planNamespace(ns, wanted.get(ns), remoteGroups, changes);
                } else if (given.contains(ns) || pruning == Pruning.PRUNE) {
                    deleteNamespace(ns, remoteGroups, changes);
                } else {
                    unpruned.add(ns);
                }
            }
            return new TenantPlan(key, null, changes, unpruned);
        }

        /** Step 1: name each object and put its groups (or, if invalid, its namespace) where they belong. */
        private void place(DesiredObject object) {
            String ns;
            try {
                ns = target.naming().render(object.ref(), key.tenant());
            } catch (IllegalArgumentException unnamed) {
                problems.add(new Problem(object.at(), Severity.ERROR, "sync/naming",
                        "cannot name its remote namespace on " + target.name() + ": " + unnamed.getMessage(),
                        object.ref(), null, null));
                invalid.add(object.ref());
                keepAllReason = object.ref() + " cannot be named, so no remote namespace is safe to delete";
                return;
            }
            if (!scope.covers(key.namespace(ns))) return;
            given.add(ns);
            if (!object.valid()) {
                kept.merge(ns, object.ref() + " is invalid; its last good version stays",
                        (a, b) -> a + "; " + b);
                return;
            }
            // An object with no groups wants nothing: its namespace, if left empty, is deleted as a whole.
            for (RuleGroup group : object.groups()) {
                wanted.computeIfAbsent(ns, n -> new TreeMap<>())
                        .computeIfAbsent(group.name(), g -> new ArrayList<>()).add(new Source(object.ref(), object.at(), group));
            }
        }

        private Map<String, Map<String, RuleGroup>> ownedRemote(Listing.Listed listed) {
            Map<String, Map<String, RuleGroup>> out = new TreeMap<>();
            // A slice looks up its own namespaces instead of scanning the whole listing: O(slice), not O(tenant).
            Map<String, List<RuleGroup>> candidates = switch (scope) {
                case Scope.All all -> listed.namespaces();
                case Scope.Namespaces slice -> {
                    Map<String, List<RuleGroup>> some = new TreeMap<>();
                    slice.keys().stream().filter(k -> k.targetKey().equals(key))
                            .forEach(k -> {
                                List<RuleGroup> groups = listed.namespaces().get(k.namespace());
                                if (groups != null) some.put(k.namespace(), groups);
                            });
                    yield some;
                }
            };
            candidates.forEach((ns, groups) -> {
                if (!target.naming().owns(ns)) return;
                Map<String, RuleGroup> byName = new LinkedHashMap<>();
                groups.forEach(g -> byName.putIfAbsent(g.name(), g));
                out.put(ns, byName);
            });
            return out;
        }

        private List<Change> failedLines(String why) {
            List<Change> lines = new ArrayList<>();
            wanted.forEach((ns, groups) -> groups.forEach((group, sources) ->
                    lines.add(new Change(Action.FAILED, key.namespace(ns), group, null, null, refs(sources), why))));
            return lines;
        }

        private void keepNamespace(String ns, Map<String, RuleGroup> remoteGroups, String why, List<Change> out) {
            List<ObjectRef> sources = wanted.getOrDefault(ns, Map.of()).values().stream()
                    .flatMap(s -> refs(s).stream()).distinct().toList();
            if (remoteGroups.isEmpty()) {
                out.add(new Change(Action.KEPT, key.namespace(ns), null, null, null, sources, why));
                return;
            }
            remoteGroups.keySet().forEach(group ->
                    out.add(new Change(Action.KEPT, key.namespace(ns), group, null, null, sources, why)));
        }

        private void deleteNamespace(String ns, Map<String, RuleGroup> remoteGroups, List<Change> out) {
            if (keepAllReason != null) {
                remoteGroups.keySet().forEach(group ->
                        out.add(new Change(Action.KEPT, key.namespace(ns), group, null, null, null, keepAllReason)));
                return;
            }
            out.add(new Change(Action.DELETE, key.namespace(ns), null, null, null, null, null));
        }

        private void planNamespace(String ns, Map<String, List<Source>> groups, Map<String, RuleGroup> remoteGroups,
                                   List<Change> out) {
            NamespaceKey where = key.namespace(ns);
            groups.forEach((name, sources) -> {
                RuleGroup remote = remoteGroups.get(name);
                if (sources.size() > 1) {
                    reportCollision(ns, name, sources);
                    out.add(new Change(Action.KEPT, where, name, null, null, refs(sources),
                            "name collision: " + refs(sources).stream().map(ObjectRef::toString).distinct().toList()
                                    + " all map to this group"));
                    return;
                }
                Source source = sources.getFirst();
                var nameProblem = target.profile().nameProblem(ns, name);
                if (nameProblem.isPresent()) {
                    problems.add(new Problem(source.group().origin().at(), Severity.ERROR, "sync/remote-name",
                            target.name() + " cannot store " + ns + "/" + name + ": " + nameProblem.get(),
                            source.ref(), name, null));
                    out.add(new Change(Action.FAILED, where, name, null, null, List.of(source.ref()),
                            nameProblem.get()));
                    return;
                }
                if (remote == null) {
                    out.add(new Change(Action.CREATE, where, name, source.group(), null, List.of(source.ref()), null));
                    return;
                }
                GroupDiff diff = comparator.diff(source.group(), remote);
                out.add(new Change(diff.isEmpty() ? Action.NOOP : Action.UPDATE, where, name,
                        diff.isEmpty() ? null : source.group(), diff, List.of(source.ref()), null));
            });
            remoteGroups.keySet().stream().filter(name -> !groups.containsKey(name)).forEach(name ->
                    out.add(keepAllReason != null
                            ? new Change(Action.KEPT, where, name, null, null, null, keepAllReason)
                            : new Change(Action.DELETE, where, name, null, null, null, null)));
        }

        private void reportCollision(String ns, String group, List<Source> sources) {
            for (Source s : sources) {
                List<String> others = sources.stream().filter(o -> o != s).map(o -> o.describedApartFrom(s))
                        .distinct().toList();
                Position at = s.group().origin().at().isKnown() ? s.group().origin().at() : s.at();
                problems.add(new Problem(at, Severity.ERROR, "sync/name-collision",
                        "group '" + group + "' maps to " + target.name() + " tenant " + key.tenant() + " namespace "
                                + ns + ", as does the same group of " + String.join(", ", others)
                                + "; neither is synced", s.ref(), group, null));
            }
        }

        private static List<ObjectRef> refs(List<Source> sources) {
            return sources.stream().map(Source::ref).toList();
        }
    }

    /** One desired group with the object it comes from and where that object was read. */
    private record Source(ObjectRef ref, Position at, RuleGroup group) {

        /**
         * This source as another source's collision message names it: by its object, or, when both are the same
         * object (two groups of one name, or one object defined in two files), by where it was read.
         */
        String describedApartFrom(Source other) {
            if (!ref.equals(other.ref)) return ref.toString();
            if (at.equals(other.at) || !at.isKnown()) return "itself (two groups of that name)";
            return ref + " at " + at;
        }
    }
}
