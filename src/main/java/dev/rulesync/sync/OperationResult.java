package dev.rulesync.sync;

import dev.rulesync.plan.Change;
import dev.rulesync.plan.PlanPrinter;

/**
 * What happened to one planned operation.
 *
 * @param change    the operation as planned
 * @param outcome   applied, refused or failed, or held back (a delete whose tenant had a failed write)
 * @param error     the ruler's message (RulerException's) or why it was held back; null when applied
 * @param status    the HTTP status of a failure, 0 when none (connection error, S3 client error) or when ok
 * @param permanent a failure retrying cannot fix (validation, limits, 4xx): reported, never retried
 */
public record OperationResult(Change change, Outcome outcome, String error, int status, boolean permanent) {

    public enum Outcome {
        /** The ruler accepted it. */
        APPLIED,
        /** The ruler refused it, or it could not be sent. */
        FAILED,
        /** Not sent on purpose: a DELETE of a tenant where a write failed (make-before-break, see PlanExecutor). */
        HELD_BACK
    }

    public static OperationResult ok(Change change) {
        return new OperationResult(change, Outcome.APPLIED, null, 0, false);
    }

    public static OperationResult failed(Change change, String error, int status, boolean permanent) {
        return new OperationResult(change, Outcome.FAILED, error, status, permanent);
    }

    public static OperationResult heldBack(Change change, String why) {
        return new OperationResult(change, Outcome.HELD_BACK, why, 0, false);
    }

    public boolean ok() {
        return outcome == Outcome.APPLIED;
    }

    @Override
    public String toString() {
        String line = PlanPrinter.line(change);
        return switch (outcome) {
            case APPLIED -> line + ": ok";
            case HELD_BACK -> line + ": HELD BACK " + error;
            case FAILED -> line + ": FAILED " + (status > 0 ? "(" + status + ") " : "") + error
                    + (permanent ? " [permanent, not retried]" : "");
        };
    }
}
