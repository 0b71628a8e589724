package dev.rulesync.apply.mimir;

import dev.rulesync.apply.ReadLimit;
import dev.rulesync.apply.http.HttpAuthProperties;
import dev.rulesync.apply.http.RulerApiTarget;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.http.TlsProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * Mimir ruler API target (bind under e.g. {@code rulesync.targets.mimir}). Binding never fails for a missing
 * {@code url} (the target may be unused); {@link MimirRulerTarget} refuses to start without one.
 *
 * @param url     base URL of Mimir (or its gateway), e.g. {@code http://mimir:8080}
 * @param prefix  Prometheus HTTP prefix in front of {@code /config/v1/rules} ({@code -http.prometheus-http-prefix})
 * @param auth    basic auth or bearer token
 * @param tls     CA, client certificate, server name
 * @param timeout bound of every attempt: connect, response headers and body
 * @param retry   retries of transient failures
 * @param maxResponseSize the largest answer read into memory; a whole tenant is listed in one answer, and a larger
 *                one fails the listing (which then changes nothing) instead of exhausting the heap
 */
public record MimirTargetProperties(URI url,
                                    @DefaultValue("/prometheus") String prefix,
                                    @DefaultValue HttpAuthProperties auth,
                                    @DefaultValue TlsProperties tls,
                                    @DefaultValue("10s") Duration timeout,
                                    @DefaultValue RetryProperties retry,
                                    @DefaultValue(RulerApiTarget.DEFAULT_MAX_RESPONSE_SIZE) DataSize maxResponseSize) {

    static final String MAX_RESPONSE_SIZE_PROPERTY = "rulesync.mimir.max-response-size";

    public MimirTargetProperties {
        prefix = normalisePrefix(prefix == null ? "/prometheus" : prefix);
        auth = auth == null ? HttpAuthProperties.NONE : auth;
        tls = tls == null ? TlsProperties.NONE : tls;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retry = retry == null ? RetryProperties.DEFAULT : retry;
        maxResponseSize = maxResponseSize == null ? DataSize.parse(RulerApiTarget.DEFAULT_MAX_RESPONSE_SIZE) : maxResponseSize;
        new ReadLimit(maxResponseSize, MAX_RESPONSE_SIZE_PROPERTY); // a bad size fails at binding, with its name
    }

    /** The cap on one answer, naming the property that sets it. */
    public ReadLimit readLimit() {
        return new ReadLimit(maxResponseSize, MAX_RESPONSE_SIZE_PROPERTY);
    }

    public static MimirTargetProperties of(URI url) {
        return new MimirTargetProperties(url, null, null, null, null, null, null);
    }

    /** {@code ""} or {@code /x/y}: one leading slash, no trailing slash. */
    static String normalisePrefix(String p) {
        String s = p.strip();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        if (!s.isEmpty() && !s.startsWith("/")) s = "/" + s;
        return s;
    }
}
