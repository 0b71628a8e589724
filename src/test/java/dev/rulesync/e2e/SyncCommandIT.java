package dev.rulesync.e2e;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.loki.LokiApiTarget;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import dev.rulesync.apply.s3.LokiS3Target;
import dev.rulesync.cli.Cli;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rule-sync plan} and {@code sync} end to end against the real Mimir, Loki and MinIO: the very command tree
 * the jar runs ({@link Cli#commandLine}), configured through flags and {@code --rulesync.x=y} properties, with the
 * real targets wrapped only to count their write calls. Each test uses its own fresh tenants.
 */
@RealPeers
class SyncCommandIT {

    private final Peers peers;
    private final MimirRulerTarget mimir;
    private final LokiS3Target lokiS3;
    private final LokiApiTarget lokiApi;
    private final List<String> writes = CountingTarget.newLog();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    SyncCommandIT(Peers peers) {
        this.peers = peers;
        this.mimir = new MimirRulerTarget(MimirTargetProperties.of(peers.mimirUrl()));
        this.lokiS3 = new LokiS3Target(new LokiTargetProperties.S3(peers.minioUrl(), "us-east-1",
                List.of(peers.lokiRulerBucket()), "", peers.minioAccessKey(), peers.minioSecretKey(), null, true,
                null, 4, null), Duration.ofSeconds(10), RetryProperties.DEFAULT, null);
        this.lokiApi = new LokiApiTarget(LokiTargetProperties.api(peers.lokiUrl()));
    }

    @AfterEach
    void close() {
        lokiS3.close();
    }

    record Result(int exit, String out, String err) {
    }

    private Result run(String verb, List<String> config, Path... paths) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(config);
        for (Path p : paths) args.add(p.toString());
        CommandLine cl = Cli.commandLine(t -> new CountingTarget(t, writes));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Mimir through its API, Loki through its S3 bucket: the demo's set-up. */
    private List<String> mimirAndLokiS3() {
        return List.of("--mimir-url=" + peers.mimirUrl(), "--loki-mode=s3", "--loki-bucket=" + peers.lokiRulerBucket(),
                "--s3-endpoint=" + peers.minioUrl(), "--rulesync.loki.s3.path-style=true",
                "--rulesync.loki.s3.access-key-id=" + peers.minioAccessKey(),
                "--rulesync.loki.s3.secret-access-key=" + peers.minioSecretKey());
    }

    private List<String> mimirAndLokiApi() {
        return List.of("--mimir-url=" + peers.mimirUrl(), "--loki-url=" + peers.lokiUrl());
    }

    private static String tenant(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What Loki's ruler has loaded for a tenant (its Prometheus-compatible rules API). */
    private String lokiLoaded(String tenant) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(peers.lokiUrl() + "/prometheus/api/v1/rules"))
                .header("X-Scope-OrgID", tenant).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void syncWritesMimirAndLokiS3TenantsApartAndLokiLoadsIt() throws Exception {
        String stage = tenant("stage");
        String prod = tenant("prod");
        RuleFiles.metrics(dir, stage, "shop-stage", "http", "sum by (job) (rate(requests_total[5m]))", "5m");
        RuleFiles.logs(dir, stage, "shop-stage", "app-logs");
        RuleFiles.metrics(dir, prod, "shop", "http", "sum by (job) (rate(requests_total[5m]))", "15m");

        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(3);
        assertThat(plan.out()).contains("+ create  mimir " + stage + " rule-sync/shop-stage/http/recording",
                "+ create  loki-s3 " + stage + " rule-sync-shop-stage-app-logs/log-recording",
                "Summary: 5 to create, 0 to update, 0 to delete, 0 unchanged");
        assertThat(writes).as("plan writes nothing").isEmpty();

        Result sync = run("sync", mimirAndLokiS3(), dir);
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("Sync: 5 created, 0 updated, 0 deleted, 0 unchanged, 0 kept, 0 failed");
        assertThat(writes).hasSize(5);

        assertThat(mimir.list(stage)).containsOnlyKeys("rule-sync/shop-stage/http");
        assertThat(mimir.list(stage).get("rule-sync/shop-stage/http")).extracting(RuleGroup::name)
                .containsExactly("alerts", "recording");
        assertThat(mimir.get(stage, "rule-sync/shop-stage/http", "alerts")).get()
                .extracting(g -> g.rules().getFirst().forDuration()).isEqualTo("5m");
        assertThat(mimir.get(prod, "rule-sync/shop/http", "alerts")).get()
                .extracting(g -> g.rules().getFirst().forDuration()).isEqualTo("15m");
        // tenant isolation: stage's namespaces are invisible to prod and the other way round
        assertThat(mimir.list(prod)).containsOnlyKeys("rule-sync/shop/http");
        assertThat(lokiS3.list(stage)).containsOnlyKeys("rule-sync-shop-stage-app-logs");
        assertThat(lokiS3.list(prod)).isEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lokiLoaded(stage)).contains("\"name\":\"log-recording\"", "rule-sync-shop-stage-app-logs"));
        assertThat(lokiLoaded(prod)).doesNotContain("log-recording");
    }

    @Test
    void aSecondSyncOfAnUnchangedTreeWritesNothingAndOneChangedRuleWritesOnce() {
        String t = tenant("idem");
        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[5m]))", "5m");
        RuleFiles.logs(dir, t, "team", "api-logs");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        assertThat(writes).hasSize(3);

        writes.clear();
        Result again = run("sync", mimirAndLokiS3(), dir);
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(writes).as("no write call for an unchanged tree").isEmpty();
        assertThat(again.out()).contains("Sync: 0 created, 0 updated, 0 deleted, 3 unchanged");

        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[10m]))", "5m");
        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.exit()).isEqualTo(3);
        assertThat(plan.out()).contains("~ update  mimir " + t + " rule-sync/team/api/recording",
                "~ rule job:requests:rate5m: expr", "Summary: 0 to create, 1 to update, 0 to delete, 2 unchanged");
        Result sync = run("sync", mimirAndLokiS3(), dir);
        assertThat(sync.exit()).isZero();
        assertThat(writes).containsExactly("set mimir " + t + " rule-sync/team/api/recording");
        assertThat(mimir.get(t, "rule-sync/team/api", "recording")).get()
                .extracting(g -> g.rules().getFirst().expr()).isEqualTo("sum by (job) (rate(requests_total[10m]))");
    }

    /** grafana/alloy#5461: expressions compare by their PromQL parse tree, so a reformatted rule is not re-sent. */
    @Test
    void aReformattedExpressionIsNotResentButAChangedOneIs() {
        String t = tenant("canon");
        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[5m]))", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        RuleFiles.metrics(dir, t, "team", "api", "'sum  by(job)(rate(requests_total[300s]))'", "300s");
        writes.clear();
        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        assertThat(writes).isEmpty();
        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[5m])) * 2", "5m");
        assertThat(run("plan", mimirAndLokiS3(), dir).out()).contains("~ rule job:requests:rate5m: expr");
    }

    @Test
    void aBrokenObjectChangesNothingRemoteAndExitsOne() {
        String t = tenant("broken");
        Path file = RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[5m]))", "5m");
        RuleFiles.logs(dir, t, "team", "api-logs");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        var lastGood = mimir.list(t);

        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[1m]))", "5 min");
        writes.clear();
        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.exit()).as(plan.out()).isEqualTo(1);
        assertThat(plan.out()).contains(file + ":", "[alerts/for]",
                "= kept    mimir " + t + " rule-sync/team/api/alerts: PrometheusRule(team/api) is invalid",
                "1 invalid object not synced");
        Result sync = run("sync", mimirAndLokiS3(), dir);
        assertThat(sync.exit()).isEqualTo(1);
        assertThat(writes).isEmpty();
        assertThat(mimir.list(t)).isEqualTo(lastGood);
        assertThat(lokiS3.list(t)).containsOnlyKeys("rule-sync-team-api-logs");
    }

    @Test
    void driftInARemoteGroupIsPlannedAsExactlyThatGroupAndRepairedBySync() {
        String t = tenant("drift");
        RuleFiles.metrics(dir, t, "team", "api", "sum by (job) (rate(requests_total[5m]))", "5m");
        RuleFiles.metrics(dir, t, "team", "web", "sum by (job) (rate(requests_total[5m]))", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        assertThat(run("plan", mimirAndLokiS3(), dir).exit()).isZero();

        // someone edits one group through Mimir's ruler API
        mimir.setGroup(t, "rule-sync/team/web", RuleGroup.of("alerts",
                List.of(Rule.alerting("ErrorsHigh", "job:errors:rate5m > 0", "1m", null, null))));
        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.exit()).isEqualTo(3);
        List<String> operations = plan.out().lines().filter(l -> l.matches("  [+~=-] .*")).toList();
        assertThat(operations).containsExactly("  ~ update  mimir " + t + " rule-sync/team/web/alerts");
        assertThat(plan.out()).contains("~ rule ErrorsHigh: expr, for, labels");

        writes.clear();
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        assertThat(writes).containsExactly("set mimir " + t + " rule-sync/team/web/alerts");
        assertThat(run("plan", mimirAndLokiS3(), dir).exit()).isZero();
    }

    @Test
    void lokiApiModeSyncsAndSettles() {
        String t = tenant("lokiapi");
        RuleFiles.logs(dir, t, "team", "api-logs");
        Result sync = run("sync", mimirAndLokiApi(), dir);
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("+ create  loki-api " + t + " rule-sync-team-api-logs/log-recording");
        assertThat(lokiApi.list(t)).containsOnlyKeys("rule-sync-team-api-logs");
        writes.clear();
        Result plan = run("plan", mimirAndLokiApi(), dir);
        assertThat(plan.exit()).as(plan.out()).isZero();
        assertThat(writes).isEmpty();
    }

    @Test
    void aDeletedObjectIsDeletedRemotelyAndKnownTenantsAreCleanedUp() throws IOException {
        String t = tenant("gone");
        Path a = RuleFiles.metrics(dir, t, "team", "a", "sum(up)", "5m");
        RuleFiles.metrics(dir, t, "team", "b", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        Files.delete(a);
        Result plan = run("plan", mimirAndLokiS3(), dir);
        assertThat(plan.out()).contains("- delete  mimir " + t + " rule-sync/team/a (namespace)");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team/b");

        // the tenant's last object goes: only a known tenant is listed (and so cleaned up) without objects
        Path other = Files.createDirectories(dir.resolve("empty"));
        List<String> known = new ArrayList<>(mimirAndLokiS3());
        known.add("--known-tenant=" + t);
        Result cleanup = run("sync", known, other);
        assertThat(cleanup.exit()).as(cleanup.out()).isZero();
        assertThat(cleanup.out()).contains("- delete  mimir " + t + " rule-sync/team/b (namespace)");
        assertThat(mimir.list(t)).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadDeletesNothingAnywhere() throws IOException {
        String t = tenant("unreadable");
        Path a = RuleFiles.metrics(dir, t, "team", "a", "sum(up)", "5m");
        RuleFiles.metrics(dir, t, "team", "b", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        // a's file is now broken YAML: its object cannot be read, so its remote namespace must not be deleted
        Files.writeString(a, "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: a\n");
        writes.clear();
        Result sync = run("sync", mimirAndLokiS3(), dir);
        assertThat(sync.exit()).as(sync.out()).isEqualTo(1);
        assertThat(sync.out()).contains(a + ":").doesNotContain("- delete");
        assertThat(writes).isEmpty();
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team/a", "rule-sync/team/b");
    }

    @Test
    void aTenantWhoseAnswersExceedTheReadLimitsFailsAndNothingOfItIsDeleted() throws IOException {
        String t = tenant("capped");
        RuleFiles.metrics(dir, t, "team", "a", "sum(up)", "5m");
        RuleFiles.logs(dir, t, "team", "a-logs");
        Path b = RuleFiles.metrics(dir, t, "team", "b", "sum(up)", "5m");
        Path bLogs = RuleFiles.logs(dir, t, "team", "b-logs");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        // without its objects, a sync that could read the tenant would delete b's namespaces
        Files.delete(b);
        Files.delete(bLogs);
        List<String> capped = new ArrayList<>(mimirAndLokiS3());
        capped.addAll(List.of("--rulesync.mimir.max-response-size=100B", "--rulesync.loki.s3.max-object-size=50B"));
        writes.clear();
        Result sync = run("sync", capped, dir);
        assertThat(sync.exit()).as(sync.out() + sync.err()).isEqualTo(2);
        assertThat(sync.out()).contains("mimir " + t + ": FAILED", "rulesync.mimir.max-response-size",
                "loki-s3 " + t + ": FAILED", "rulesync.loki.s3.max-object-size").doesNotContain("- delete");
        assertThat(writes).isEmpty();
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team/a", "rule-sync/team/b");
        assertThat(lokiS3.list(t)).containsOnlyKeys("rule-sync-team-a-logs", "rule-sync-team-b-logs");
    }

    @Test
    void plainRuleFilesGoToTheTenantGivenAndAreNamedByTheirPath() {
        String t = tenant("plain");
        RuleFiles.write(dir.resolve("team a/api.yaml"), """
                groups:
                  - name: api
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                """);
        List<String> args = new ArrayList<>(mimirAndLokiS3());
        args.addAll(List.of("--tenant=" + t, "--type=metrics"));
        Result sync = run("sync", args, dir);
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("+ create  mimir " + t + " rule-sync/team_a/api.yaml/api");
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team_a/api.yaml");
        assertThat(run("plan", args, dir).exit()).isZero();
    }

    @Test
    void exitCodes() throws IOException {
        String t = tenant("exit");
        RuleFiles.metrics(dir, t, "team", "api", "sum(up)", "5m");
        assertThat(run("plan", List.of(), dir).exit()).as("no ruler configured").isEqualTo(2);
        assertThat(run("plan", mimirAndLokiS3(), dir.resolve("missing")).exit()).as("missing path").isEqualTo(2);
        assertThat(run("plan", List.of("--rulesync.concurrency=0", "--mimir-url=" + peers.mimirUrl()), dir).exit())
                .as("invalid configuration").isEqualTo(2);
        assertThat(run("plan", List.of("--no-such-flag", "--mimir-url=" + peers.mimirUrl()), dir).exit())
                .as("unknown option").isEqualTo(2);
        Result unreachable = run("plan", List.of("--mimir-url=http://127.0.0.1:1",
                "--rulesync.mimir.retry.max-attempts=1", "--rulesync.mimir.timeout=2s"), dir);
        assertThat(unreachable.exit()).as(unreachable.out()).isEqualTo(2);
        assertThat(unreachable.out()).contains("mimir " + t + ": FAILED");
        assertThat(run("plan", mimirAndLokiS3(), dir).exit()).as("changes pending").isEqualTo(3);
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).as("applied").isZero();
        assertThat(run("plan", mimirAndLokiS3(), dir).exit()).as("in sync").isZero();
        RuleFiles.write(dir.resolve(t).resolve("bad.yaml"), "groups: [\n");
        assertThat(run("plan", mimirAndLokiS3(), dir).exit()).as("invalid file").isEqualTo(1);
    }
}
