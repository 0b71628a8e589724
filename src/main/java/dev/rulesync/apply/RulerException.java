package dev.rulesync.apply;

/**
 * A ruler call that failed. {@code permanent} failures (4xx other than 429, validation and limit errors) must not be
 * retried: they carry the ruler's own message for the user. Transient ones (connection errors, timeouts, 5xx, 429)
 * have already been retried briefly by the client; the reconcile loop decides when to try again.
 */
public class RulerException extends RuntimeException {

    private final int status;
    private final boolean permanent;

    public RulerException(String message, int status, boolean permanent, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.permanent = permanent;
    }

    /** The HTTP status, or 0 when there was no HTTP answer (connection error, timeout, S3 client error). */
    public int status() {
        return status;
    }

    public boolean permanent() {
        return permanent;
    }
}
