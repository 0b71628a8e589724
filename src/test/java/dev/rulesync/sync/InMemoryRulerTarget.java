package dev.rulesync.sync;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A test double for the executor's bookkeeping only: a map of tenants to namespaces to groups, a log of calls, and
 * hooks to make a call fail or block. It says nothing about how a real ruler behaves; the peer tests (*IT) do that.
 */
final class InMemoryRulerTarget implements RulerTarget {

    /** One call as the executor made it, e.g. {@code set t ns g} or {@code deleteNamespace t ns}. */
    record Call(String op, String tenant, String namespace, String group) {
        @Override
        public String toString() {
            return op + " " + tenant + " " + namespace + (group == null ? "" : " " + group);
        }
    }

    private final String name;
    private final RuleType type;
    private final Map<String, Map<String, Map<String, RuleGroup>>> store = new TreeMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Call, RulerException> failure = call -> null;
    private volatile Consumer<Call> beforeWrite = call -> { };

    InMemoryRulerTarget(String name, RuleType type) {
        this.name = name;
        this.type = type;
    }

    /** Makes every call for which the function returns an exception throw it. */
    InMemoryRulerTarget failing(Function<Call, RulerException> failure) {
        this.failure = failure;
        return this;
    }

    /** Runs before every write or delete, on the calling thread (used to hold calls in flight). */
    InMemoryRulerTarget beforeWrite(Consumer<Call> hook) {
        this.beforeWrite = hook;
        return this;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    synchronized InMemoryRulerTarget put(String tenant, String namespace, RuleGroup group) {
        store.computeIfAbsent(tenant, t -> new TreeMap<>()).computeIfAbsent(namespace, n -> new LinkedHashMap<>())
                .put(group.name(), group);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleType type() {
        return type;
    }

    @Override
    public Map<String, List<RuleGroup>> list(String tenant) {
        check(new Call("list", tenant, null, null));
        synchronized (this) {
            Map<String, List<RuleGroup>> out = new TreeMap<>();
            store.getOrDefault(tenant, Map.of()).forEach((ns, groups) -> out.put(ns, List.copyOf(groups.values())));
            return out;
        }
    }

    @Override
    public List<RuleGroup> list(String tenant, String namespace) {
        check(new Call("listNamespace", tenant, namespace, null));
        synchronized (this) {
            return List.copyOf(store.getOrDefault(tenant, Map.of()).getOrDefault(namespace, Map.of()).values());
        }
    }

    @Override
    public synchronized Optional<RuleGroup> get(String tenant, String namespace, String group) {
        return Optional.ofNullable(store.getOrDefault(tenant, Map.of()).getOrDefault(namespace, Map.of()).get(group));
    }

    @Override
    public void setGroup(String tenant, String namespace, RuleGroup group) {
        write(new Call("set", tenant, namespace, group.name()));
        put(tenant, namespace, group);
    }

    @Override
    public void deleteGroup(String tenant, String namespace, String group) {
        write(new Call("deleteGroup", tenant, namespace, group));
        synchronized (this) {
            Map<String, RuleGroup> groups = store.getOrDefault(tenant, Map.of()).get(namespace);
            if (groups != null) {
                groups.remove(group);
                if (groups.isEmpty()) store.get(tenant).remove(namespace);
            }
        }
    }

    @Override
    public void deleteNamespace(String tenant, String namespace) {
        write(new Call("deleteNamespace", tenant, namespace, null));
        synchronized (this) {
            store.getOrDefault(tenant, new TreeMap<>()).remove(namespace);
        }
    }

    @Override
    public RuleGroup stored(RuleGroup group) {
        return group;
    }

    @Override
    public Optional<String> nameProblem(String namespace, String group) {
        return Optional.empty();
    }

    private void write(Call call) {
        beforeWrite.accept(call);
        check(call);
    }

    private void check(Call call) {
        calls.add(call);
        RulerException e = failure.apply(call);
        if (e != null) throw e;
    }
}
