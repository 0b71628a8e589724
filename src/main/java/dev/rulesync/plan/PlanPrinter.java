package dev.rulesync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a plan the way {@code rule-sync plan} shows it: per target and tenant, one line per operation (and per KEPT
 * or FAILED group, so the reader sees what is held back and why), the changed rules and fields under each UPDATE,
 * then a one-line summary. NOOP groups are only counted. Output is deterministic: same plan, same text.
 *
 * <pre>
 * mimir stage
 *   + create  mimir stage rule-sync/ns/a/g1
 *   ~ update  mimir stage rule-sync/ns/b/g2
 *       ~ rule HighLatency: expr, labels
 *   - delete  mimir stage rule-sync/ns/c/g3
 *   - delete  mimir stage rule-sync/ns/d (namespace)
 *   = kept    mimir stage rule-sync/ns/bad/g4: PrometheusRule(ns/bad) is invalid; its last good version stays
 * loki-api t1: FAILED listing failed: connection refused; nothing planned
 * Summary: 1 to create, 1 to update, 2 to delete, 7 unchanged, 1 kept, 0 failed; 1 invalid object; 1 tenant failed
 * </pre>
 *
 * <p>A plan that does not prune also lists, per tenant, the owned namespaces it leaves alone because no given object
 * maps to them ({@code = not pruned  mimir stage rule-sync/ns/old (namespace)}), and counts them in the summary.
 */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static String format(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (TenantPlan tenant : plan.tenants()) {
            if (tenant.failed()) {
                out.append(tenant.key()).append(": FAILED ").append(tenant.failure()).append("; nothing planned\n");
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (Change c : tenant.changes()) {
                if (c.action() == Action.NOOP) continue;
                lines.add("  " + line(c));
                c.diff().lines().forEach(d -> lines.add("      " + d));
            }
            for (String ns : tenant.unpruned()) {
                lines.add("  = not pruned  " + tenant.key() + " " + ns + " (namespace): no given object maps to it");
            }
            if (lines.isEmpty()) continue;
            out.append(tenant.key()).append('\n');
            lines.forEach(l -> out.append(l).append('\n'));
        }
        out.append(summary(plan)).append('\n');
        return out.toString();
    }

    /** One line for one change, e.g. {@code + create  mimir stage rule-sync/ns/name/group}. */
    public static String line(Change c) {
        String text = String.format("%s %-7s %s %s %s", c.action().symbol(), c.action().word(), c.where().target(),
                c.where().tenant(), c.path());
        if (c.wholeNamespace() && c.action() == Action.DELETE) text += " (namespace)";
        if (c.reason() != null) text += ": " + c.reason();
        return text;
    }

    public static String summary(Plan plan) {
        Map<Action, Long> n = plan.counts();
        String s = "Summary: " + n.get(Action.CREATE) + " to create, " + n.get(Action.UPDATE) + " to update, "
                + n.get(Action.DELETE) + " to delete, " + n.get(Action.NOOP) + " unchanged, "
                + n.get(Action.KEPT) + " kept, " + n.get(Action.FAILED) + " failed";
        if (!plan.invalidObjects().isEmpty()) {
            s += "; " + plural(plan.invalidObjects().size(), "invalid object") + " not synced";
        }
        if (!plan.failedTenants().isEmpty()) {
            s += "; " + plural(plan.failedTenants().size(), "tenant") + " failed";
        }
        if (!plan.unpruned().isEmpty()) {
            s += "; " + plural(plan.unpruned().size(), "namespace") + " not pruned (--prune deletes "
                    + (plan.unpruned().size() == 1 ? "it" : "them") + ")";
        }
        if (!plan.problems().isEmpty()) {
            s += "; " + plural(plan.problems().size(), "planning problem");
        }
        return s;
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
