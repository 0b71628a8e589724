package dev.rulesync.apply.s3;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.rulesync.apply.ReadLimit;
import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.http.PemFiles;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.http.Secrets;
import dev.rulesync.apply.http.TlsProperties;
import dev.rulesync.apply.loki.LokiRules;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.s3.proto.LokiRuleGroup;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleType;
import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.AttributeMap;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Loki's rule store written directly: one protobuf object per group at {@code rules/<tenant>/<B64 ns>/<B64 group>}.
 * Loki's ruler lists and loads every object at each poll, and one object it cannot load aborts the load for all
 * tenants, so every write is one whole PutObject of a body that was built and checked in memory first (names
 * round-trip, durations parse, ids equal the key, LogQL valid when a checker is given).
 */
public final class LokiS3Target implements RulerTarget, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LokiS3Target.class);
    private static final String NAME = "loki-s3";

    private final S3Client s3;
    private final List<String> buckets;
    private final RuleObjectKeys keys;
    private final int concurrency;
    private final ReadLimit limit;
    private final ExpressionLanguage logql;

    /**
     * @param logql LogQL checker run on every expression before writing; null skips the check (only for callers that
     *              validated already, e.g. tests of the storage format)
     */
    public LokiS3Target(LokiTargetProperties.S3 p, Duration timeout, RetryProperties retry, ExpressionLanguage logql) {
        this(client(p, timeout, retry == null ? RetryProperties.DEFAULT : retry), p, logql);
    }

    LokiS3Target(S3Client s3, LokiTargetProperties.S3 p, ExpressionLanguage logql) {
        if (p.buckets().isEmpty()) throw new IllegalArgumentException("loki s3: at least one bucket is required");
        this.s3 = s3;
        this.buckets = p.buckets();
        this.keys = new RuleObjectKeys(p.prefix());
        this.concurrency = p.listConcurrency();
        this.limit = p.readLimit();
        this.logql = logql;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleType type() {
        return RuleType.LOGS;
    }

    /** Reads every object of the tenant: one LIST, then one GET per group. */
    @Override
    public Map<String, List<RuleGroup>> list(String tenant) {
        RulerTarget.validTenant(NAME, tenant);
        return groupsUnder(tenant, keys.tenantPrefix(tenant));
    }

    /** Reads only the namespace's objects (its key prefix), not the tenant's. */
    @Override
    public List<RuleGroup> list(String tenant, String namespace) {
        RulerTarget.validTenant(NAME, tenant);
        if (nameProblem(namespace, "g").isPresent()) return List.of(); // such a namespace cannot be in the bucket
        return groupsUnder(tenant, keys.namespacePrefix(tenant, namespace)).getOrDefault(namespace, List.of());
    }

    private Map<String, List<RuleGroup>> groupsUnder(String tenant, String prefix) {
        List<Located> found = new ArrayList<>();
        for (String bucket : buckets) {
            for (S3Object o : call("list " + bucket + "/" + prefix, () ->
                    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().toList())) {
                Optional<RuleObjectKeys.Parsed> parsed = keys.parse(o.key());
                if (parsed.isEmpty() || !parsed.get().tenant().equals(tenant)) {
                    log.warn("{}: skipping s3://{}/{}: not a rule group key Loki can load", NAME, bucket, o.key());
                    continue;
                }
                found.add(new Located(bucket, o.key(), parsed.get()));
            }
        }
        List<RuleGroup> groups = fetchAll(found);
        Map<String, List<RuleGroup>> byNamespace = new TreeMap<>();
        for (int i = 0; i < found.size(); i++) {
            if (groups.get(i) == null) continue; // deleted while we listed
            byNamespace.computeIfAbsent(found.get(i).parsed().namespace(), k -> new ArrayList<>()).add(groups.get(i));
        }
        byNamespace.values().forEach(l -> l.sort(Comparator.comparing(RuleGroup::name)));
        return new LinkedHashMap<>(byNamespace);
    }

    @Override
    public Optional<RuleGroup> get(String tenant, String namespace, String group) {
        RulerTarget.validTenant(NAME, tenant);
        if (nameProblem(namespace, group).isPresent()) return Optional.empty();
        String key = keys.key(tenant, namespace, group);
        return Optional.ofNullable(fetch(new Located(bucketFor(key), key, new RuleObjectKeys.Parsed(tenant, namespace, group))));
    }

    @Override
    public void setGroup(String tenant, String namespace, RuleGroup group) {
        RulerTarget.validTenant(NAME, tenant);
        String key = keys.key(tenant, namespace, group.name());
        nameProblem(namespace, group.name()).ifPresent(p -> {
            throw new RulerException(NAME + ": " + p, 0, true, null);
        });
        checkExpressions(group);
        byte[] body;
        try {
            body = LokiRuleGroupCodec.encode(tenant, namespace, group).toByteArray();
        } catch (IllegalArgumentException e) {
            throw new RulerException(NAME + " " + key + ": " + e.getMessage(), 0, true, e);
        }
        // Loki refuses the whole load on a body whose ids differ from its key: prove ours do before it is visible.
        RuleObjectKeys.Parsed back = keys.parse(key).orElseThrow(() -> new IllegalStateException("unparsable key " + key));
        LokiRuleGroup check = parse(body, key);
        if (!back.equals(new RuleObjectKeys.Parsed(check.getUser(), check.getNamespace(), check.getName()))
                || !back.equals(new RuleObjectKeys.Parsed(tenant, namespace, group.name()))) {
            throw new IllegalStateException(NAME + ": object ids do not match key " + key);
        }
        String bucket = bucketFor(key);
        call("put " + bucket + "/" + key, () -> s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body)));
    }

    @Override
    public void deleteGroup(String tenant, String namespace, String group) {
        RulerTarget.validTenant(NAME, tenant);
        if (nameProblem(namespace, group).isPresent()) return;
        String key = keys.key(tenant, namespace, group);
        String bucket = bucketFor(key);
        call("delete " + bucket + "/" + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Override
    public void deleteNamespace(String tenant, String namespace) {
        RulerTarget.validTenant(NAME, tenant);
        String prefix = keys.namespacePrefix(tenant, namespace);
        for (String bucket : buckets) {
            List<String> objectKeys = call("list " + bucket + "/" + prefix, () ->
                    s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList());
            for (String key : objectKeys) {
                call("delete " + bucket + "/" + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
            }
        }
    }

    @Override
    public RuleGroup stored(RuleGroup group) {
        return LokiRules.stored(group);
    }

    @Override
    public Optional<String> nameProblem(String namespace, String group) {
        Optional<String> p = LokiRules.nameProblem(namespace, group);
        if (p.isPresent()) return p;
        for (String n : new String[]{namespace, group}) {
            if (!RuleObjectKeys.roundTrips(n)) return Optional.of("name \"" + n + "\" is not valid Unicode text");
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        s3.close();
    }

    String bucketFor(String key) {
        return buckets.get(RuleObjectKeys.bucketIndex(key, buckets.size()));
    }

    private record Located(String bucket, String key, RuleObjectKeys.Parsed parsed) {
    }

    private void checkExpressions(RuleGroup g) {
        if (logql == null) return;
        for (int i = 0; i < g.rules().size(); i++) {
            Rule r = g.rules().get(i);
            List<ExprProblem> problems = r.expr() == null ? List.of() : logql.analyze(r.expr()).problems();
            if (!problems.isEmpty()) {
                ExprProblem p = problems.get(0);
                throw new RulerException(NAME + ": group \"" + g.name() + "\" rule " + i + " (" + r.name() + "): "
                        + p.line() + ":" + p.column() + ": " + p.message(), 0, true, null);
            }
        }
    }

    /** GETs every object with at most {@code concurrency} requests in flight; the first failure fails the listing. */
    private List<RuleGroup> fetchAll(List<Located> found) {
        if (found.isEmpty()) return List.of();
        Semaphore permits = new Semaphore(concurrency);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RuleGroup>> futures = new ArrayList<>(found.size());
            for (Located l : found) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return fetch(l);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<RuleGroup> out = new ArrayList<>(found.size());
            for (Future<RuleGroup> f : futures) out.add(f.get());
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RulerException re) throw re;
            throw new RulerException(NAME + ": listing failed: " + e.getCause(), 0, false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RulerException(NAME + ": interrupted while listing", 0, false, e);
        }
    }

    /** One group object, or null when it does not exist. */
    private RuleGroup fetch(Located l) {
        String what = "get " + l.bucket() + "/" + l.key();
        byte[] bytes;
        try {
            bytes = call(what, () -> read(what, s3.getObject(r -> r.bucket(l.bucket()).key(l.key()))));
        } catch (RulerException e) {
            if (e.getCause() instanceof NoSuchKeyException) return null;
            throw e;
        }
        LokiRuleGroup p = parse(bytes, l.key());
        RuleObjectKeys.Parsed ids = new RuleObjectKeys.Parsed(p.getUser(), p.getNamespace(), p.getName());
        if (!ids.equals(l.parsed())) {
            throw new RulerException(NAME + ": s3://" + l.bucket() + "/" + l.key() + " holds group " + ids
                    + " which does not match its key; Loki stops loading rules for ALL tenants until it is fixed or deleted",
                    0, true, null);
        }
        return LokiRuleGroupCodec.decode(p);
    }

    /**
     * The object's bytes, at most {@link #limit}: refused by its announced length before any is read, and counted
     * while reading too, since a body may be longer than announced or announce nothing.
     */
    private byte[] read(String what, ResponseInputStream<GetObjectResponse> in) {
        try (in) {
            Long announced = in.response().contentLength();
            if (announced != null && announced > limit.bytes()) {
                in.abort(); // do not drain the rest of a large body just to reuse the connection
                throw limit.exceeded(NAME + " " + what, null);
            }
            byte[] body = in.readNBytes(limit.bytes() + 1);
            if (body.length > limit.bytes()) {
                in.abort();
                throw limit.exceeded(NAME + " " + what, null);
            }
            return body;
        } catch (IOException e) {
            throw SdkClientException.create("reading the object failed: " + e.getMessage(), e);
        }
    }

    private static LokiRuleGroup parse(byte[] body, String key) {
        try {
            return LokiRuleGroup.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new RulerException(NAME + ": " + key + " is not a rule group object (" + e.getMessage()
                    + "); Loki stops loading rules for ALL tenants until it is fixed or deleted", 0, true, e);
        }
    }

    private static <T> T call(String what, java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (SdkException e) {
            int status = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException se ? se.statusCode() : 0;
            boolean permanent = status >= 400 && status < 500 && status != 429;
            String message = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException se
                    && se.awsErrorDetails() != null ? se.awsErrorDetails().errorMessage() : e.getMessage();
            throw new RulerException(NAME + " " + what + ": " + (status == 0 ? "" : status + " ") + message, status,
                    permanent && !(e instanceof SdkClientException), e);
        }
    }

    private static S3Client client(LokiTargetProperties.S3 p, Duration timeout, RetryProperties retry) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(p.region()))
                .forcePathStyle(p.pathStyle())
                .credentialsProvider(credentials(p))
                // S3-compatible stores (older MinIO, Ceph) reject the newer default checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(httpClient(p.tls(), timeout))
                .overrideConfiguration(c -> c
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.plus(retry.maxBackoff()).multipliedBy(retry.maxAttempts()))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(retry.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(retry.minBackoff(), retry.maxBackoff()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retry.minBackoff(), retry.maxBackoff()))
                                .build()));
        if (p.endpoint() != null) b.endpointOverride(p.endpoint());
        return b.build();
    }

    private static AwsCredentialsProvider credentials(LokiTargetProperties.S3 p) {
        if (p.accessKeyId() == null || p.accessKeyId().isEmpty()) return DefaultCredentialsProvider.builder().build();
        if (p.secretAccessKeyFile() != null) {
            Secrets.FileSecret secret = new Secrets.FileSecret(p.secretAccessKeyFile());
            return () -> AwsBasicCredentials.create(p.accessKeyId(), secret.get());
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKeyId(),
                p.secretAccessKey() == null ? "" : p.secretAccessKey()));
    }

    private static SdkHttpClient httpClient(TlsProperties tls, Duration timeout) {
        if (tls.serverName() != null) {
            throw new IllegalArgumentException("loki s3: tls.serverName is not supported for S3; use the endpoint's host");
        }
        Apache5HttpClient.Builder b = Apache5HttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout);
        if (tls.caFile() != null) b.tlsTrustManagersProvider(() -> PemFiles.trustManagers(tls.caFile()));
        if (tls.certFile() != null) b.tlsKeyManagersProvider(() -> PemFiles.keyManagers(tls.certFile(), tls.keyFile()));
        return tls.insecureSkipVerify()
                ? b.buildWithDefaults(AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build())
                : b.build();
    }
}
