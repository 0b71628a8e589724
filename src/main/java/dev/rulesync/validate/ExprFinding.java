package dev.rulesync.validate;

/**
 * A semantic finding in a valid expression: the check that found it, what it says, and the span of the cause as
 * code-point offsets into the expression text ({@code end} exclusive; both -1 when the whole expression is meant).
 */
public record ExprFinding(String check, String message, int start, int end) {

    public static ExprFinding whole(String check, String message) {
        return new ExprFinding(check, message, -1, -1);
    }
}
