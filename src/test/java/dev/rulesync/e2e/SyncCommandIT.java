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
    void aDeletedObjectIsDeletedRemotelyWithPruneAndKnownTenantsAreCleanedUp() throws IOException {
        String t = tenant("gone");
        Path a = RuleFiles.metrics(dir, t, "team", "a", "sum(up)", "5m");
        RuleFiles.metrics(dir, t, "team", "b", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        Files.delete(a);
        Result keep = run("plan", mimirAndLokiS3(), dir);
        assertThat(keep.exit()).as("nothing to do without --prune").isZero();
        assertThat(keep.out()).contains(
                "= not pruned  mimir " + t + " rule-sync/team/a (namespace): no given object maps to it",
                "; 1 namespace not pruned (--prune deletes it)");
        Result plan = run("plan", prune(mimirAndLokiS3()), dir);
        assertThat(plan.out()).contains("- delete  mimir " + t + " rule-sync/team/a (namespace)");
        assertThat(run("sync", prune(mimirAndLokiS3()), dir).exit()).isZero();
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team/b");

        // the tenant's last object goes: only a known tenant is listed (and so cleaned up) without objects
        Path other = Files.createDirectories(dir.resolve("empty"));
        List<String> known = prune(mimirAndLokiS3());
        known.add("--known-tenant=" + t);
        Result cleanup = run("sync", known, other);
        assertThat(cleanup.exit()).as(cleanup.out()).isZero();
        assertThat(cleanup.out()).contains("- delete  mimir " + t + " rule-sync/team/b (namespace)");
        assertThat(mimir.list(t)).isEmpty();
    }

    /** Issue #9 item 3: a command given part of a tree deletes nothing outside what it was given. */
    @Test
    void aPartialSyncDeletesNothingOutsideItsScopeWithoutPrune() {
        String a = tenant("part-a");
        String b = tenant("part-b");
        Path x = RuleFiles.metrics(dir, a, "team", "x", "sum(up)", "5m");
        RuleFiles.metrics(dir, a, "team", "y", "sum(up)", "5m");
        RuleFiles.logs(dir, a, "team", "x-logs");
        RuleFiles.metrics(dir, b, "team", "z", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        var before = List.of(mimir.list(a), mimir.list(b), lokiS3.list(a));

        // one file, with another tenant known (as the demo used to configure it): nothing is deleted anywhere
        List<String> knownB = new ArrayList<>(mimirAndLokiS3());
        knownB.add("--known-tenant=" + b);
        RuleFiles.metrics(dir, a, "team", "x", "sum(up) * 2", "5m");
        writes.clear();
        Result sync = run("sync", knownB, x);
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(writes).containsExactly("set mimir " + a + " rule-sync/team/x/recording");
        assertThat(sync.out()).contains("= not pruned  mimir " + a + " rule-sync/team/y (namespace)")
                .doesNotContain("- delete").doesNotContain(" " + b + " ");
        assertThat(mimir.list(a)).containsOnlyKeys(before.get(0).keySet());
        assertThat(mimir.list(b)).isEqualTo(before.get(1));
        assertThat(lokiS3.list(a)).isEqualTo(before.get(2));

        // --prune is what deletes them; plan shows it first
        Result pruning = run("plan", prune(knownB), x);
        assertThat(pruning.exit()).isEqualTo(3);
        assertThat(pruning.out()).contains("- delete  mimir " + a + " rule-sync/team/y (namespace)",
                "- delete  mimir " + b + " rule-sync/team/z (namespace)");
        assertThat(mimir.list(b)).isEqualTo(before.get(1));
    }

    /** Issue #9 item 3: plain rule files are named below the git work tree, however the command names them. */
    @Test
    void theSameTreeSyncedByDifferentInvocationsGetsTheSameRemoteNames() throws Exception {
        String t = tenant("names");
        Path repo = RuleFiles.gitRepository(dir.resolve("repo"));
        Path api = RuleFiles.plain(repo.resolve("rules/team a/api.yaml"), "api");
        Path web = RuleFiles.plain(repo.resolve("rules/web.yaml"), "web");
        List<String> args = new ArrayList<>(mimirAndLokiApi());
        args.addAll(List.of("--tenant=" + t, "--type=metrics"));

        Result sync = run("sync", args, repo.resolve("rules"));
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/rules/team_a/api.yaml", "rule-sync/rules/web.yaml");

        Path cwd = Path.of("").toAbsolutePath();
        List<Path[]> invocations = List.of(
                new Path[]{api, web},
                new Path[]{repo},
                new Path[]{Path.of(".").resolve(cwd.relativize(repo.resolve("rules")))},
                new Path[]{cwd.relativize(web), repo.resolve("rules/team a/../team a")});
        writes.clear();
        for (Path[] paths : invocations) {
            Result plan = run("plan", prune(args), paths);
            assertThat(plan.exit()).as(List.of(paths) + ": " + plan.out() + plan.err()).isZero();
            assertThat(plan.out()).as(List.of(paths).toString())
                    .isEqualTo("Summary: 0 to create, 0 to update, 0 to delete, 2 unchanged, 0 kept, 0 failed\n");
        }
        Result one = run("sync", args, web);
        assertThat(one.exit()).isZero();
        assertThat(one.out()).contains("= not pruned  mimir " + t + " rule-sync/rules/team_a/api.yaml (namespace)");
        assertThat(writes).isEmpty();

        // outside a git work tree a plain rule file needs a stated root: a usage error, nothing listed or written
        Path loose = RuleFiles.plain(dir.resolve("loose/a.yaml"), "loose");
        Result noRoot = run("plan", args, loose);
        assertThat(noRoot.exit()).isEqualTo(2);
        assertThat(noRoot.err()).contains("plain rule file " + loose + " cannot be named", "set --root DIR");
        List<String> rooted = new ArrayList<>(args);
        rooted.add("--root=" + dir);
        assertThat(run("plan", rooted, loose).out()).contains("+ create  mimir " + t + " rule-sync/loose/a.yaml/loose");
    }

    /**
     * Issue #9 item 4: a group moving between remote namespaces is written before the old copy is deleted, and the
     * old copy stays when the write fails. The failure is Mimir's own: tenant "two-groups" may hold two groups
     * (src/test/resources/peers/mimir-runtime.yaml), so the moved copies are refused while the old ones exist.
     */
    @Test
    void aMovedGroupIsWrittenBeforeTheOldIsDeletedAndStaysWhenTheWriteFails() throws IOException {
        String t = tenant("move");
        Path old = RuleFiles.metrics(dir, t, "team", "api", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), dir).exit()).isZero();
        // the object is renamed: its groups move from rule-sync/team/api to rule-sync/team/api-v2
        Files.delete(old);
        RuleFiles.metrics(dir, t, "team", "api-v2", "sum(up)", "5m");
        writes.clear();
        Result moved = run("sync", prune(mimirAndLokiS3()), dir);
        assertThat(moved.exit()).as(moved.out()).isZero();
        assertThat(writes).hasSize(3).last().isEqualTo("delete-namespace mimir " + t + " rule-sync/team/api");
        assertThat(writes.subList(0, 2)).as("both copies written first").containsExactlyInAnyOrder(
                "set mimir " + t + " rule-sync/team/api-v2/recording", "set mimir " + t + " rule-sync/team/api-v2/alerts");
        assertThat(mimir.list(t)).containsOnlyKeys("rule-sync/team/api-v2");

        String limited = "two-groups";
        mimir.list(limited).keySet().forEach(ns -> mimir.deleteNamespace(limited, ns)); // a clean tenant per run
        Path before = RuleFiles.metrics(dir, limited, "team", "api", "sum(up)", "5m");
        assertThat(run("sync", mimirAndLokiS3(), before).exit()).isZero();
        var lastGood = mimir.list(limited);
        assertThat(lastGood).containsOnlyKeys("rule-sync/team/api");
        Files.delete(before);
        Path after = RuleFiles.metrics(dir, limited, "team", "api-v2", "sum(up)", "5m");
        writes.clear();
        Result refused = run("sync", prune(mimirAndLokiS3()), after.getParent());
        assertThat(refused.exit()).as(refused.out()).isEqualTo(2);
        assertThat(refused.out()).contains(
                "+ create  mimir two-groups rule-sync/team/api-v2/alerts: FAILED (400)",
                "- delete  mimir two-groups rule-sync/team/api (namespace): HELD BACK a write of mimir two-groups failed",
                "Sync: 0 created, 0 updated, 0 deleted, 0 unchanged, 0 kept, 2 failed; 1 delete(s) held back");
        assertThat(writes).noneMatch(w -> w.startsWith("delete"));
        assertThat(mimir.list(limited)).as("the old copy is still there").isEqualTo(lastGood);
    }

    private static List<String> prune(List<String> args) {
        List<String> out = new ArrayList<>(args);
        out.add("--prune");
        return out;
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
        // --prune: a sync that may delete, and still must not, because it could not read what is there
        capped.addAll(List.of("--prune", "--rulesync.mimir.max-response-size=100B",
                "--rulesync.loki.s3.max-object-size=50B"));
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
    void plainRuleFilesGoToTheTenantGivenAndAreNamedByTheirPathBelowTheRoot() {
        String t = tenant("plain");
        RuleFiles.plain(dir.resolve("team a/api.yaml"), "api");
        List<String> args = new ArrayList<>(mimirAndLokiS3());
        args.addAll(List.of("--tenant=" + t, "--type=metrics", "--root=" + dir));
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
