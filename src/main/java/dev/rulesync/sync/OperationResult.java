package dev.rulesync.sync;

import dev.rulesync.plan.Change;

/**
 * What happened to one planned operation.
 *
 * @param change    the operation as planned
 * @param ok        whether the ruler accepted it
 * @param error     the ruler's message (RulerException's), or null when ok
 * @param status    the HTTP status of a failure, 0 when none (connection error, S3 client error) or when ok
 * @param permanent a failure retrying cannot fix (validation, limits, 4xx): reported, never retried
 */
public record OperationResult(Change change, boolean ok, String error, int status, boolean permanent) {

    public static OperationResult ok(Change change) {
        return new OperationResult(change, true, null, 0, false);
    }

    @Override
    public String toString() {
        String line = dev.rulesync.plan.PlanPrinter.line(change);
        if (ok) return line + ": ok";
        return line + ": FAILED " + (status > 0 ? "(" + status + ") " : "") + error
                + (permanent ? " [permanent, not retried]" : "");
    }
}
