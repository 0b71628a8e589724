package dev.rulesync.apply;

import org.springframework.util.unit.DataSize;

/**
 * The most bytes of one ruler answer (an API response, an S3 object) that are read into memory, and the property
 * that sets it, so that an answer above it fails with an error that says which setting to raise. Going over it fails
 * the call like any other read error: a listing that fails is never taken as empty, so it never leads to deletes.
 *
 * @param size     the cap, at least 1 byte and below 2 GiB (what one Java array can hold)
 * @param property the configuration property that sets it, e.g. {@code rulesync.mimir.max-response-size}
 */
public record ReadLimit(DataSize size, String property) {

    public ReadLimit {
        if (size == null || size.toBytes() < 1 || size.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(property + " must be between 1B and 2047MB, not " + size);
        }
    }

    public int bytes() {
        return (int) size.toBytes();
    }

    /**
     * A permanent failure: asking again returns the same answer.
     *
     * @param what the call and where it went, e.g. {@code mimir GET /prometheus/config/v1/rules}
     */
    public RulerException exceeded(String what, Throwable cause) {
        return new RulerException(what + ": the answer is larger than " + human(size) + ", the limit set by "
                + property + ", so it was not read; raise " + property + " if it really is that large", 0, true, cause);
    }

    /** 64MB rather than DataSize's 67108864B. */
    static String human(DataSize s) {
        long b = s.toBytes();
        if (b % DataSize.ofMegabytes(1).toBytes() == 0) return s.toMegabytes() + "MB";
        if (b % DataSize.ofKilobytes(1).toBytes() == 0) return s.toKilobytes() + "KB";
        return b + "B";
    }
}
