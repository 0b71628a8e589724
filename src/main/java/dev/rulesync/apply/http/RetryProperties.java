package dev.rulesync.apply.http;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Brief in-client retries of transient failures (connection errors, timeouts, 5xx, 429), with exponential backoff
 * and jitter. Longer waits belong to the reconcile loop.
 *
 * @param maxAttempts attempts in total, including the first (1 = no retry)
 * @param minBackoff  wait before the first retry
 * @param maxBackoff  longest wait between attempts
 */
public record RetryProperties(@DefaultValue("3") int maxAttempts,
                              @DefaultValue("200ms") Duration minBackoff,
                              @DefaultValue("2s") Duration maxBackoff) {

    public static final RetryProperties DEFAULT = new RetryProperties(3, Duration.ofMillis(200), Duration.ofSeconds(2));

    public RetryProperties {
        if (maxAttempts < 1) throw new IllegalArgumentException("retry.maxAttempts must be at least 1");
        minBackoff = minBackoff == null ? Duration.ofMillis(200) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(2) : maxBackoff;
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("retry.maxBackoff must not be shorter than retry.minBackoff");
        }
    }
}
