package dev.rulesync.gosyntax;

/** Text that the mirrored Go function rejects; the message is the one Go gives. */
public final class GoSyntaxException extends Exception {

    public GoSyntaxException(String message) {
        super(message, null, false, false);
    }
}
