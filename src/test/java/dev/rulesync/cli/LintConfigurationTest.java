package dev.rulesync.cli;

import dev.rulesync.config.LintProperties;
import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.config.RuleSyncConfigLoaderAccess;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.validate.NameValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lint binds its settings the way plan and sync do (flags, --rulesync.x=y, RULESYNC_* variables, application.yaml
 * and --config), so the same configuration gives lint and plan the same verdict on the same files.
 */
class LintConfigurationTest {

    private static final Path BROKEN = Path.of("src/test/resources/lint/broken");

    private record Run(int exit, String out, String err) {
    }

    /** Runs one command of the real tree with {@code env} as its process environment. */
    private static Run run(Map<String, Object> env, List<String> args) {
        CommandLine cl = Cli.commandLine();
        Object lint = cl.getSubcommands().get("lint").getCommand();
        ((LintCommand) lint).environment = env;
        ((RulerCommand) cl.getSubcommands().get("plan").getCommand()).environment = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The problem lines lint prints (its text format) or plan prints before it lists the rulers. */
    private static List<String> problems(String output) {
        return output.lines().filter(l -> l.matches(".*:\\d+:\\d+: (error|warning|info): .*\\[[a-z/-]+]")).toList();
    }

    /**
     * lint's and plan's verdicts on the same files under the same settings (plan's ruler is a closed port); null
     * {@code expectedProblem}: neither finds any.
     */
    private static void assertSameVerdict(Map<String, Object> env, List<String> settings, List<String> files,
                                          String expectedProblem) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<String> lintArgs = new ArrayList<>(List.of("lint"));
        lintArgs.addAll(settings);
        lintArgs.addAll(files);
        List<String> planArgs = new ArrayList<>(List.of("plan", "--mimir-url", "http://127.0.0.1:" + closedPort,
                "--rulesync.mimir.retry.min-backoff=1ms", "--rulesync.mimir.retry.max-backoff=2ms",
                "--rulesync.mimir.retry.max-attempts=1"));
        planArgs.addAll(settings);
        planArgs.addAll(files);
        Run lint = run(env, lintArgs);
        Run plan = run(env, planArgs);
        assertThat(lint.err()).doesNotContain("invalid configuration");
        assertThat(plan.err()).doesNotContain("invalid configuration");
        List<String> lintProblems = problems(lint.out());
        if (expectedProblem == null) assertThat(lintProblems).as(lint.out()).isEmpty();
        else assertThat(lintProblems).as(lint.out()).anyMatch(l -> l.contains(expectedProblem));
        assertThat(problems(plan.out())).as(plan.out()).isEqualTo(lintProblems);
    }

    @Test
    void anEnvironmentVariableChangesLintsAndPlansVerdictAlike() throws IOException {
        String f = BROKEN.resolve("rule-label-legacy.yaml").toString();
        // legacy names by default, as Mimir ships; a Mimir set to utf8 takes the dotted label
        assertThat(run(Map.of(), List.of("lint", f)).exit()).isEqualTo(1);
        assertSameVerdict(Map.of(), List.of(), List.of(f), "[rule/label]");
        Map<String, Object> utf8 = Map.of("RULESYNC_LINT_MIMIR_NAME_VALIDATION", "utf8");
        assertThat(run(utf8, List.of("lint", f)).exit()).isZero();
        assertSameVerdict(utf8, List.of(), List.of(f), null);
    }

    @Test
    void aPropertyArgumentChangesLintsAndPlansVerdictAlike() throws IOException {
        String f = BROKEN.resolve("group-size.yaml").toString();
        assertSameVerdict(Map.of(), List.of("--rulesync.lint.max-rules-per-group=3"), List.of(f), "[group/size]");
        Run off = run(Map.of(), List.of("lint", "--rulesync.lint.disabled-checks=alerts/for",
                BROKEN.resolve("alerts-for.yaml").toString()));
        assertThat(off.exit()).isZero();
        assertThat(run(Map.of(), List.of("lint", "--rulesync.lint.nonsense=1", f)).exit()).isEqualTo(2);
        assertThat(run(Map.of(), List.of("lint", "--not-a-property", f)).err()).contains("unknown option --not-a-property");
    }

    @Test
    void aConfigFileChangesLintsAndPlansVerdictAlike(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("rule-sync.yaml"), """
                rulesync:
                  lint:
                    name-validation: legacy
                    tenant-label: team
                """);
        String f = BROKEN.resolve("rule-label-legacy.yaml").toString();
        assertSameVerdict(Map.of(), List.of("--config", config.toString()), List.of(f), "[object/tenant]");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        String f = BROKEN.resolve("rule-label-legacy.yaml").toString();
        Run r = run(Map.of("RULESYNC_LINT_NAME_VALIDATION", "legacy"), List.of("lint", "--name-validation", "utf8", f));
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void withOnlyFlagsTheShortcutBindsWhatSpringBinds() {
        List<Map<String, Object>> cases = List.of(Map.of(),
                Map.of("rulesync.files.tenant", "t", "rulesync.files.type", RuleType.LOGS),
                Map.of("rulesync.lint.name-validation", NameValidation.LEGACY, "rulesync.lint.max-rules-per-group", 0),
                Map.of("rulesync.lint.tenant-label", "team", "rulesync.lint.type-label", "kind"));
        for (Map<String, Object> flags : cases) {
            RuleSyncConfigLoader.LintSettings spring = RuleSyncConfigLoaderAccess.bindLint(flags);
            assertThat(RuleSyncConfigLoaderAccess.shortcut(flags)).as(flags.toString()).isEqualTo(spring);
            assertThat(RuleSyncConfigLoader.loadLint(flags, List.of(), Map.of())).isEqualTo(spring);
        }
        // the built-in application.yaml holds the records' defaults, so the shortcut's defaults are Spring's
        assertThat(RuleSyncConfigLoaderAccess.bindLint(Map.of()))
                .isEqualTo(new RuleSyncConfigLoader.LintSettings(LintProperties.DEFAULTS, new RuleSyncProperties.Files(null, null, null)));
        // a value of another type, or another property, goes to Spring's binder
        assertThat(RuleSyncConfigLoaderAccess.shortcut(Map.of("rulesync.lint.name-validation", "legacy"))).isNull();
        assertThat(RuleSyncConfigLoaderAccess.shortcut(Map.of("rulesync.mimir.url", "http://x"))).isNull();
    }

    @Test
    void everySourceSpringWouldReadTurnsTheShortcutOff(@TempDir Path dir) throws IOException {
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of("PATH", "/bin", "RULESYNC_MIMIR_URL", "x",
                "RULESYNC_JAVA_OPTS", "-Xmx1g"), List.of("java.home"), dir)).isFalse();
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of("RULESYNC_LINT_NAME_VALIDATION", "legacy"),
                List.of(), dir)).isTrue();
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of("rulesync.files.tenant", "t"), List.of(), dir)).isTrue();
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of("SPRING_CONFIG_LOCATION", "x"), List.of(), dir)).isTrue();
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of(), List.of("rulesync.lint.disabled-checks"), dir)).isTrue();
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of("spring.config.additional-location", "file:x"), Map.of(),
                List.of(), dir)).isTrue();
        Files.createDirectories(dir.resolve("config/team"));
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of(), List.of(), dir)).isFalse();
        Files.writeString(dir.resolve("config/team/application.yml"), "rulesync: {}\n");
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of(), List.of(), dir)).isTrue();
        Files.delete(dir.resolve("config/team/application.yml"));
        Files.writeString(dir.resolve("application.properties"), "");
        assertThat(RuleSyncConfigLoaderAccess.outside(Map.of(), Map.of(), List.of(), dir)).isTrue();
    }
}
