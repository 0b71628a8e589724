package dev.rulesync.apply.loki;

import dev.rulesync.apply.ReadLimit;
import dev.rulesync.apply.http.HttpAuthProperties;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.http.RulerApiTarget;
import dev.rulesync.apply.http.Secrets;
import dev.rulesync.apply.http.TlsProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Loki target (bind under e.g. {@code rulesync.targets.loki}): through Loki's ruler API ({@code mode: api}) or
 * straight into the bucket Loki's ruler reads ({@code mode: s3}). Binding never fails for missing settings (the
 * target may be unused); the target's constructor refuses to start without {@code url} (api) or
 * {@code s3.buckets} (s3).
 *
 * @param mode    {@code api} or {@code s3}
 * @param url     base URL of Loki (or its gateway); required in api mode
 * @param prefix  path in front of {@code /loki/api/v1/rules} (a gateway's route), usually empty
 * @param auth    basic auth or bearer token (api mode)
 * @param tls     CA, client certificate, server name (api mode)
 * @param timeout bound of every attempt (both modes)
 * @param retry   retries of transient failures (both modes)
 * @param s3      the rule bucket (s3 mode)
 * @param maxResponseSize api mode: the largest answer read into memory (a whole tenant is listed in one answer); a
 *                larger one fails the listing (which then changes nothing) instead of exhausting the heap
 */
public record LokiTargetProperties(@DefaultValue("api") Mode mode,
                                   URI url,
                                   @DefaultValue("") String prefix,
                                   @DefaultValue HttpAuthProperties auth,
                                   @DefaultValue TlsProperties tls,
                                   @DefaultValue("10s") Duration timeout,
                                   @DefaultValue RetryProperties retry,
                                   @DefaultValue S3 s3,
                                   @DefaultValue(RulerApiTarget.DEFAULT_MAX_RESPONSE_SIZE) DataSize maxResponseSize) {

    public enum Mode { API, S3 }

    static final String MAX_RESPONSE_SIZE_PROPERTY = "rulesync.loki.max-response-size";

    public LokiTargetProperties {
        mode = mode == null ? Mode.API : mode;
        prefix = prefix == null ? "" : normalisePrefix(prefix);
        auth = auth == null ? HttpAuthProperties.NONE : auth;
        tls = tls == null ? TlsProperties.NONE : tls;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retry = retry == null ? RetryProperties.DEFAULT : retry;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, false, null, 0, null) : s3;
        maxResponseSize = maxResponseSize == null ? DataSize.parse(RulerApiTarget.DEFAULT_MAX_RESPONSE_SIZE)
                : maxResponseSize;
        new ReadLimit(maxResponseSize, MAX_RESPONSE_SIZE_PROPERTY); // a bad size fails at binding, with its name
    }

    /** api mode: the cap on one answer, naming the property that sets it. */
    public ReadLimit readLimit() {
        return new ReadLimit(maxResponseSize, MAX_RESPONSE_SIZE_PROPERTY);
    }

    public static LokiTargetProperties api(URI url) {
        return new LokiTargetProperties(Mode.API, url, null, null, null, null, null, null, null);
    }

    public static LokiTargetProperties s3(S3 s3) {
        return new LokiTargetProperties(Mode.S3, null, null, null, null, null, null, s3, null);
    }

    /**
     * Loki's rule bucket(s), as in Loki's {@code ruler.storage.s3} (legacy) or {@code ruler_storage.s3} (Thanos).
     *
     * @param endpoint            S3 endpoint URL (e.g. {@code http://minio:9000}); null for AWS's own
     * @param region              region for signing
     * @param buckets             bucket names; with several, Loki (and we) pick one per key by fnv32a(key) % n
     * @param prefix              Thanos {@code storage_prefix}, usually empty
     * @param accessKeyId         static credentials; when null the AWS default credentials chain is used
     * @param secretAccessKey     static secret key
     * @param secretAccessKeyFile file holding the secret key (wins over {@code secretAccessKey})
     * @param pathStyle           path-style addressing (MinIO)
     * @param tls                 CA, client certificate
     * @param listConcurrency     parallel GETs while listing a tenant
     * @param maxObjectSize       the largest rule group object read into memory; a larger one fails the listing
     *                            (which then changes nothing)
     */
    public record S3(URI endpoint,
                     @DefaultValue("us-east-1") String region,
                     @DefaultValue List<String> buckets,
                     @DefaultValue("") String prefix,
                     String accessKeyId,
                     String secretAccessKey,
                     Path secretAccessKeyFile,
                     @DefaultValue("false") boolean pathStyle,
                     @DefaultValue TlsProperties tls,
                     @DefaultValue("8") int listConcurrency,
                     @DefaultValue(DEFAULT_MAX_OBJECT_SIZE) DataSize maxObjectSize) {

        /**
         * One object holds one group: a few hundred bytes per rule, so even a group of thousands of rules fits, and
         * a listing holds at most listConcurrency of them in memory at once.
         */
        public static final String DEFAULT_MAX_OBJECT_SIZE = "4MB";
        static final String MAX_OBJECT_SIZE_PROPERTY = "rulesync.loki.s3.max-object-size";

        public S3 {
            region = region == null || region.isEmpty() ? "us-east-1" : region;
            buckets = buckets == null ? List.of() : List.copyOf(buckets);
            prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
            tls = tls == null ? TlsProperties.NONE : tls;
            listConcurrency = listConcurrency < 1 ? 8 : listConcurrency;
            maxObjectSize = maxObjectSize == null ? DataSize.parse(DEFAULT_MAX_OBJECT_SIZE) : maxObjectSize;
            new ReadLimit(maxObjectSize, MAX_OBJECT_SIZE_PROPERTY); // a bad size fails at binding, with its name
        }

        /** The cap on one object, naming the property that sets it. */
        public ReadLimit readLimit() {
            return new ReadLimit(maxObjectSize, MAX_OBJECT_SIZE_PROPERTY);
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", buckets=" + buckets + ", prefix=" + prefix
                    + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + Secrets.mask(secretAccessKey)
                    + ", secretAccessKeyFile=" + secretAccessKeyFile + ", pathStyle=" + pathStyle + ", tls=" + tls
                    + ", listConcurrency=" + listConcurrency + ", maxObjectSize=" + maxObjectSize + "]";
        }
    }

    static String normalisePrefix(String p) {
        String s = p.strip();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        if (!s.isEmpty() && !s.startsWith("/")) s = "/" + s;
        return s;
    }
}
