package dev.rulesync.plan;

import dev.rulesync.model.RuleGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of listing one tenant on one target: every group by remote namespace, or the reason it failed.
 * A failed listing is never "no groups": the planner plans nothing at all for that tenant.
 */
public sealed interface Listing {

    record Listed(Map<String, List<RuleGroup>> namespaces) implements Listing {
        public Listed {
            Map<String, List<RuleGroup>> copy = new LinkedHashMap<>();
            Objects.requireNonNull(namespaces, "namespaces").forEach((ns, groups) -> copy.put(ns, List.copyOf(groups)));
            namespaces = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /**
     * @param message   what went wrong, for the summary
     * @param permanent whether retrying cannot help (e.g. 401/403), as told by the ruler client
     */
    record Failed(String message, boolean permanent) implements Listing {
    }

    static Listing listed(Map<String, List<RuleGroup>> namespaces) {
        return new Listed(namespaces);
    }

    static Listing failed(String message) {
        return new Failed(message, false);
    }
}
