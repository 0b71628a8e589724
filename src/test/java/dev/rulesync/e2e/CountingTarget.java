package dev.rulesync.e2e;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real target with its write calls recorded: not a mock (every call goes to the real ruler), only a counter in
 * front of it, so a test can prove that an unchanged sync writes nothing and one changed rule writes once.
 */
final class CountingTarget implements RulerTarget {

    private final RulerTarget real;
    private final List<String> writes;

    CountingTarget(RulerTarget real, List<String> writes) {
        this.real = real;
        this.writes = writes;
    }

    static List<String> newLog() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public RuleType type() {
        return real.type();
    }

    @Override
    public Map<String, List<RuleGroup>> list(String tenant) {
        return real.list(tenant);
    }

    @Override
    public List<RuleGroup> list(String tenant, String namespace) {
        return real.list(tenant, namespace);
    }

    @Override
    public Optional<RuleGroup> get(String tenant, String namespace, String group) {
        return real.get(tenant, namespace, group);
    }

    @Override
    public void setGroup(String tenant, String namespace, RuleGroup group) {
        writes.add("set " + name() + " " + tenant + " " + namespace + "/" + group.name());
        real.setGroup(tenant, namespace, group);
    }

    @Override
    public void deleteGroup(String tenant, String namespace, String group) {
        writes.add("delete " + name() + " " + tenant + " " + namespace + "/" + group);
        real.deleteGroup(tenant, namespace, group);
    }

    @Override
    public void deleteNamespace(String tenant, String namespace) {
        writes.add("delete-namespace " + name() + " " + tenant + " " + namespace);
        real.deleteNamespace(tenant, namespace);
    }

    @Override
    public RuleGroup stored(RuleGroup group) {
        return real.stored(group);
    }

    @Override
    public Optional<String> nameProblem(String namespace, String group) {
        return real.nameProblem(namespace, group);
    }
}
