package dev.rulesync.apply.s3;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.RulerTargetContract;
import dev.rulesync.apply.TestGroups;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.loki.LokiApiTarget;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Loki S3 store against real MinIO, in the very bucket the real Loki's ruler reads: the contract, Loki loading
 * what we wrote, and us reading (byte for byte) what Loki wrote through its own API.
 */
@RealPeers
class LokiS3TargetIT extends RulerTargetContract {

    private final Peers peers;
    private final LokiS3Target store;
    private final LokiApiTarget lokiApi;
    private final S3Client raw;

    LokiS3TargetIT(Peers peers) {
        this.peers = peers;
        this.store = new LokiS3Target(s3Settings(List.of(peers.lokiRulerBucket())), Duration.ofSeconds(10),
                RetryProperties.DEFAULT, null);
        this.lokiApi = new LokiApiTarget(LokiTargetProperties.api(peers.lokiUrl()));
        this.raw = S3Client.builder().endpointOverride(peers.minioUrl()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(peers.minioAccessKey(), peers.minioSecretKey())))
                .build();
    }

    private final List<LokiS3Target> capped = new ArrayList<>();

    private LokiTargetProperties.S3 s3Settings(List<String> buckets) {
        return s3Settings(buckets, null);
    }

    private LokiTargetProperties.S3 s3Settings(List<String> buckets, DataSize maxObjectSize) {
        return new LokiTargetProperties.S3(peers.minioUrl(), "us-east-1", buckets, "", peers.minioAccessKey(),
                peers.minioSecretKey(), null, true, null, 4, maxObjectSize);
    }

    @AfterAll
    void close() {
        store.close();
        capped.forEach(LokiS3Target::close);
        raw.close();
    }

    @Override
    protected RulerTarget target() {
        return store;
    }

    @Override
    protected RulerTarget withReadLimit(DataSize limit) {
        LokiS3Target s = new LokiS3Target(s3Settings(List.of(peers.lokiRulerBucket()), limit), Duration.ofSeconds(10),
                RetryProperties.DEFAULT, null);
        capped.add(s);
        return s;
    }

    @Override
    protected String readLimitProperty() {
        return "rulesync.loki.s3.max-object-size";
    }

    @Test
    void lokiLoadsAGroupOurStoreWrote() {
        String tenant = newTenant();
        RuleGroup g = new RuleGroup("from-s3", "1m", null, null, null, null, List.of(
                Rule.recording("rulesync:s3:rate", recordExpr()),
                Rule.alerting("RuleSyncS3Alert", alertExpr(), "5m", Map.of("severity", "page"),
                        Map.of("summary", "written by rule-sync"))), null);
        store.setGroup(tenant, "ns-s3", g);
        // Loki reads the bucket at every poll; give it a few polls plus start-up slack.
        await().atMost(peers.lokiPollInterval().multipliedBy(5).plusSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode groups = loadedGroups(tenant);
                    assertThat(groups.findValuesAsString("name")).contains("from-s3", "RuleSyncS3Alert");
                    assertThat(groups.findValuesAsString("file")).contains("ns-s3");
                });
        // And Loki's own config API returns it unchanged.
        assertThat(lokiApi.get(tenant, "ns-s3", "from-s3")).contains(TestGroups.withoutOrigins(lokiApi.stored(g)));

        // Deleting the object unloads the group at a later poll.
        store.deleteGroup(tenant, "ns-s3", "from-s3");
        await().atMost(peers.lokiPollInterval().multipliedBy(5).plusSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(loadedGroups(tenant).findValuesAsString("name")).doesNotContain("from-s3"));
    }

    @Test
    void weReadWhatLokiWroteAndWriteTheSameBytes() {
        String tenant = newTenant();
        RuleGroup g = TestGroups.full("by-loki", recordExpr(), alertExpr());
        lokiApi.setGroup(tenant, "ns-api", g);

        assertThat(store.get(tenant, "ns-api", "by-loki")).contains(TestGroups.withoutOrigins(store.stored(g)));
        assertThat(store.list(tenant)).isEqualTo(Map.of("ns-api", List.of(TestGroups.withoutOrigins(store.stored(g)))));

        String key = new RuleObjectKeys("").key(tenant, "ns-api", "by-loki");
        List<String> keys = raw.listObjectsV2Paginator(r -> r.bucket(peers.lokiRulerBucket())
                .prefix("rules/" + tenant + "/")).contents().stream().map(S3Object::key).toList();
        assertThat(keys).containsExactly(key);
        byte[] lokis = raw.getObjectAsBytes(r -> r.bucket(peers.lokiRulerBucket()).key(key)).asByteArray();
        byte[] ours = LokiRuleGroupCodec.encode(tenant, "ns-api", g).toByteArray();
        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(lokis));
    }

    @Test
    void severalBucketsSpreadKeysByFnvAndListingSkipsKeysLokiWouldIgnore() {
        // Private buckets: a malformed key must never reach the bucket the real Loki reads.
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> buckets = List.of("rs-" + run + "-a", "rs-" + run + "-b", "rs-" + run + "-c");
        for (String b : buckets) {
            try {
                raw.createBucket(r -> r.bucket(b));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // a re-run
            }
        }
        try (LokiS3Target multi = new LokiS3Target(s3Settings(buckets), Duration.ofSeconds(10), RetryProperties.DEFAULT, null)) {
            String tenant = newTenant();
            List<RuleGroup> written = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                RuleGroup g = smallGroup("g" + i, "r:" + i);
                multi.setGroup(tenant, "ns", g);
                written.add(TestGroups.withoutOrigins(multi.stored(g)));
            }
            RuleObjectKeys keys = new RuleObjectKeys("");
            int used = 0;
            for (int i = 0; i < 12; i++) {
                String key = keys.key(tenant, "ns", "g" + i);
                String expectedBucket = buckets.get(RuleObjectKeys.bucketIndex(key, 3));
                assertThat(raw.listObjectsV2(r -> r.bucket(expectedBucket).prefix(key)).contents())
                        .extracting(S3Object::key).containsExactly(key);
            }
            for (String b : buckets) {
                if (!raw.listObjectsV2(r -> r.bucket(b).prefix("rules/" + tenant + "/")).contents().isEmpty()) used++;
            }
            assertThat(used).as("buckets holding this tenant's 12 groups").isGreaterThan(1);

            raw.putObject(r -> r.bucket(buckets.get(0)).key("rules/" + tenant + "/bnMx"), RequestBody.fromString("junk"));
            raw.putObject(r -> r.bucket(buckets.get(1)).key("rules/" + tenant + "/bnMx/ZzE"), RequestBody.fromString("junk"));
            raw.putObject(r -> r.bucket(buckets.get(2)).key("rules/" + tenant + "/bnMx/ZzE=/x"), RequestBody.fromString("junk"));

            List<RuleGroup> listed = multi.list(tenant).get("ns").stream()
                    .sorted(java.util.Comparator.comparing(RuleGroup::name)).toList();
            assertThat(listed).isEqualTo(written.stream().sorted(java.util.Comparator.comparing(RuleGroup::name)).toList());

            multi.deleteNamespace(tenant, "ns");
            assertThat(multi.list(tenant)).isEmpty();
        }
    }

    /** Groups Loki's rulers have loaded for the tenant (Prometheus-style read API). */
    private JsonNode loadedGroups(String tenant) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(peers.lokiUrl() + "/prometheus/api/v1/rules"))
                .header("X-Scope-OrgID", tenant).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body()).path("data").path("groups");
    }
}
