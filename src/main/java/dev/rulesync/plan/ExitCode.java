package dev.rulesync.plan;

import dev.rulesync.model.Severity;

/**
 * Exit codes of {@code rule-sync plan} and {@code sync}. When several apply, the highest in this order wins:
 * ERROR, then INVALID, then CHANGES_PENDING, then OK. Invalid objects exit 1 like {@code lint} even though the good
 * objects are still planned and synced; failures talking to a ruler exit 2 because the remote state is not what was
 * asked for.
 */
public enum ExitCode {
    /** Everything is in sync (plan) or was applied (sync). */
    OK(0),
    /** Some source objects are invalid (or collide, or cannot be named); they were left out, the rest went on. */
    INVALID(1),
    /** Usage or I/O error, a target/tenant whose listing failed, or (sync) an operation the ruler refused. */
    ERROR(2),
    /** plan only: operations are pending. Distinct from 1, so CI can tell "needs sync" from "broken". */
    CHANGES_PENDING(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code of {@code rule-sync plan}. */
    public static ExitCode ofPlan(Plan plan) {
        if (!plan.failedTenants().isEmpty()) return ERROR;
        if (hasInvalid(plan)) return INVALID;
        return plan.hasChanges() ? CHANGES_PENDING : OK;
    }

    /** The exit code of {@code rule-sync sync}, given whether any planned operation failed when applied. */
    public static ExitCode ofSync(Plan plan, boolean anyOperationFailed) {
        if (anyOperationFailed || !plan.failedTenants().isEmpty()) return ERROR;
        return hasInvalid(plan) ? INVALID : OK;
    }

    private static boolean hasInvalid(Plan plan) {
        return !plan.invalidObjects().isEmpty()
                || plan.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }
}
