package dev.rulesync.e2e;

import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as users run it, configured only through environment variables (as the controller's Deployment
 * would be): plan exits 3, sync 0, plan again 0, against the real Mimir; no Spring context, no web server.
 */
@RealPeers
class PlanJarIT {

    private static final Path BASE = Path.of(System.getProperty("rulesync.basedir", "."));

    private final Peers peers;

    PlanJarIT(Peers peers) {
        this.peers = peers;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run jar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return jarIn(BASE, env, args);
    }

    private static Run jarIn(Path workingDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path jar = BASE.toAbsolutePath().resolve("target/rule-sync.jar");
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("plan", ".out");
        Path err = Files.createTempFile("plan", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void planSyncPlanThroughTheJarConfiguredByEnvironment(@TempDir Path dir) throws Exception {
        String tenant = "jar-" + UUID.randomUUID().toString().substring(0, 8);
        RuleFiles.metrics(dir, tenant, "team", "api", "sum by (job) (rate(requests_total[5m]))", "5m");
        Map<String, String> env = Map.of("RULESYNC_MIMIR_URL", peers.mimirUrl().toString());

        Run plan = jar(env, "plan", dir.toString());
        assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(3);
        assertThat(plan.out()).contains("+ create  mimir " + tenant + " rule-sync/team/api/alerts",
                "Summary: 2 to create");
        Run sync = jar(env, "sync", dir.toString());
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("Sync: 2 created, 0 updated, 0 deleted");
        Run again = jar(env, "plan", dir.toString());
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).isEqualTo("Summary: 0 to create, 0 to update, 0 to delete, 2 unchanged, 0 kept, 0 failed\n");
        assertThat(plan.out() + plan.err() + sync.out() + sync.err())
                .doesNotContain("Started").doesNotContain("Tomcat").doesNotContain("Netty started");
    }

    /** Plain rule files are named below their git work tree, whatever directory the command runs in. */
    @Test
    void plainRuleFilesHaveTheSameRemoteNamesFromAnyWorkingDirectory(@TempDir Path dir) throws Exception {
        String tenant = "jar-" + UUID.randomUUID().toString().substring(0, 8);
        Path repo = RuleFiles.gitRepository(dir.resolve("repo"));
        RuleFiles.plain(repo.resolve("rules/team a/api.yaml"), "api");
        Map<String, String> env = Map.of("RULESYNC_MIMIR_URL", peers.mimirUrl().toString(),
                "RULESYNC_FILES_TENANT", tenant, "RULESYNC_FILES_TYPE", "metrics");

        Run sync = jarIn(repo, env, "sync", "rules");
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
        assertThat(sync.out()).contains("+ create  mimir " + tenant + " rule-sync/rules/team_a/api.yaml/api");
        String unchanged = "Summary: 0 to create, 0 to update, 0 to delete, 1 unchanged, 0 kept, 0 failed\n";
        Run fromRules = jarIn(repo.resolve("rules"), env, "plan", ".");
        assertThat(fromRules.exit()).as(fromRules.out() + fromRules.err()).isZero();
        assertThat(fromRules.out()).isEqualTo(unchanged);
        Run fromTeam = jarIn(repo.resolve("rules/team a"), env, "plan", "--prune", "./api.yaml");
        assertThat(fromTeam.exit()).as(fromTeam.out() + fromTeam.err()).isZero();
        assertThat(fromTeam.out()).isEqualTo(unchanged);
    }
}
