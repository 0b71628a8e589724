package dev.rulesync.cli;

import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.validate.NameValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.bind.BindException;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rulesync.* tree binds like the controller's: defaults, environment variables, arguments, files, validation. */
class RuleSyncConfigLoaderTest {

    private static RuleSyncProperties load(Map<String, Object> flags, List<String> args, Map<String, Object> env) {
        return RuleSyncConfigLoader.load(flags, args, env);
    }

    @Test
    void defaultsComeFromTheRecordsAndApplicationYaml() {
        RuleSyncProperties p = load(Map.of(), List.of(), Map.of());
        assertThat(p.concurrency()).isEqualTo(8);
        assertThat(p.mimirEnabled()).isFalse();
        assertThat(p.lokiEnabled()).isFalse();
        assertThat(p.mimir().prefix()).isEqualTo("/prometheus");
        assertThat(p.mimir().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.loki().mode()).isEqualTo(LokiTargetProperties.Mode.API);
        assertThat(p.loki().s3().region()).isEqualTo("us-east-1");
        assertThat(p.naming().mimirObjects()).isEqualTo("rule-sync/{namespace}/{name}");
        assertThat(p.naming().lokiFiles()).isEqualTo("rule-sync-{path}");
        assertThat(p.lint().maxRulesPerGroup()).isEqualTo(20);
        assertThat(p.knownTenants()).isEmpty();
    }

    @Test
    void environmentVariablesBindWithSpringBootsRelaxedNames() {
        RuleSyncProperties p = load(Map.of(), List.of(), Map.of(
                "RULESYNC_MIMIR_URL", "http://mimir:8080",
                "RULESYNC_MIMIR_TIMEOUT", "30s",
                "RULESYNC_MIMIR_AUTH_PASSWORD_FILE", "/var/run/secrets/mimir/password",
                "RULESYNC_MIMIR_AUTH_USERNAME", "rule-sync",
                "RULESYNC_LOKI_MODE", "s3",
                "RULESYNC_LOKI_S3_BUCKETS", "rules-a,rules-b",
                "RULESYNC_LOKI_S3_PATH_STYLE", "true",
                "RULESYNC_KNOWN_TENANTS", "stage,prod",
                "RULESYNC_FILES_TYPE", "logs",
                "RULESYNC_LINT_NAME_VALIDATION", "legacy"));
        assertThat(p.mimir().url()).isEqualTo(URI.create("http://mimir:8080"));
        assertThat(p.mimir().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.mimir().auth().passwordFile()).isEqualTo(Path.of("/var/run/secrets/mimir/password"));
        assertThat(p.loki().mode()).isEqualTo(LokiTargetProperties.Mode.S3);
        assertThat(p.loki().s3().buckets()).containsExactly("rules-a", "rules-b");
        assertThat(p.loki().s3().pathStyle()).isTrue();
        assertThat(p.lokiEnabled()).isTrue();
        assertThat(p.knownTenants()).containsExactly("prod", "stage");
        assertThat(p.files().type()).isEqualTo(RuleType.LOGS);
        assertThat(p.lint().nameValidation()).isEqualTo(NameValidation.LEGACY);
    }

    @Test
    void flagsWinOverArgumentsWhichWinOverTheEnvironment() {
        Map<String, Object> env = Map.of("RULESYNC_MIMIR_URL", "http://env", "RULESYNC_CONCURRENCY", "2",
                "RULESYNC_MIMIR_PREFIX", "/env");
        RuleSyncProperties p = load(Map.of("rulesync.mimir.url", "http://flag"),
                List.of("--rulesync.mimir.url=http://arg", "--rulesync.concurrency=4"), env);
        assertThat(p.mimir().url()).isEqualTo(URI.create("http://flag"));
        assertThat(p.concurrency()).isEqualTo(4);
        assertThat(p.mimir().prefix()).isEqualTo("/env");
    }

    @Test
    void anExtraConfigFileIsReadLikeSpringBootsAdditionalLocation(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("rule-sync.yaml"), """
                rulesync:
                  loki:
                    url: http://loki:3100
                  known-tenants: [a]
                """);
        RuleSyncProperties p = load(Map.of("spring.config.additional-location", "file:" + file), List.of(), Map.of());
        assertThat(p.loki().url()).isEqualTo(URI.create("http://loki:3100"));
        assertThat(p.knownTenants()).containsExactly("a");
    }

    @Test
    void theLintPolicyBindsFromArgumentsAndTheEnvironment() {
        RuleSyncProperties p = load(Map.of(), List.of("--rulesync.lint.policy.alert-labels.severity=page|ticket",
                "--rulesync.lint.policy.min-for=1m"), Map.of("RULESYNC_LINT_POLICY_ALERTNAME", "[A-Z].*",
                "RULESYNC_LINT_POLICY_SEVERITY", "error"));
        var policy = p.lint().lintPolicy();
        assertThat(policy.alertLabels().get("severity").pattern()).isEqualTo("page|ticket");
        assertThat(policy.alertName().pattern()).isEqualTo("[A-Z].*");
        assertThat(policy.minFor()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(policy.severity()).isEqualTo(dev.rulesync.model.Severity.ERROR);
        assertThat(load(Map.of(), List.of(), Map.of()).lint().lintPolicy().isEmpty()).isTrue();
    }

    @Test
    void invalidValuesStopWithThePropertyName() {
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.concurrency=0"), Map.of()))
                .isInstanceOf(BindException.class).hasMessageContaining("rulesync");
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.mimir.timeout=soon"), Map.of()))
                .isInstanceOf(BindException.class).hasMessageContaining("rulesync.mimir.timeout");
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.naming.mimir-objects={namespace}/{name}"), Map.of()))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("fixed prefix");
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.naming.loki-objects=rs/{namespace}-{name}",
                "--rulesync.naming.loki-files=rs/{path}"), Map.of()))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("Loki cannot store '/'");
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.mimir.auth.username=u",
                "--rulesync.mimir.auth.bearer-token=t"), Map.of()))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("not both");
    }

    @Test
    void readLimitsHaveDefaultsBindFromSizesAndRefuseNonsenseByName() {
        RuleSyncProperties defaults = load(Map.of(), List.of(), Map.of());
        assertThat(defaults.mimir().maxResponseSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(defaults.loki().maxResponseSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(defaults.loki().s3().maxObjectSize()).isEqualTo(DataSize.ofMegabytes(4));
        RuleSyncProperties set = load(Map.of(), List.of("--rulesync.mimir.max-response-size=200MB"),
                Map.of("RULESYNC_LOKI_S3_MAXOBJECTSIZE", "512KB"));
        assertThat(set.mimir().maxResponseSize()).isEqualTo(DataSize.ofMegabytes(200));
        assertThat(set.loki().s3().maxObjectSize()).isEqualTo(DataSize.ofKilobytes(512));
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.loki.max-response-size=0B"), Map.of()))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("rulesync.loki.max-response-size");
        assertThatThrownBy(() -> load(Map.of(), List.of("--rulesync.loki.s3.max-object-size=3GB"), Map.of()))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("rulesync.loki.s3.max-object-size");
    }

    @Test
    void secretsNeverAppearInToString() {
        RuleSyncProperties p = load(Map.of(), List.of("--rulesync.mimir.auth.username=u",
                "--rulesync.mimir.auth.password=hunter2-pw", "--rulesync.loki.auth.bearer-token=tok-secret-1",
                "--rulesync.loki.s3.secret-access-key=s3-secret-9"), Map.of());
        assertThat(p.toString()).doesNotContain("hunter2-pw", "tok-secret-1", "s3-secret-9").contains("username=u");
    }

    /** docs/configuration.md names every bindable property (the records are walked, so a new one must be added). */
    @Test
    void everyPropertyIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        List<String> names = new ArrayList<>();
        collect("rulesync", RuleSyncProperties.class, names);
        assertThat(names).hasSizeGreaterThan(50);
        assertThat(names).allSatisfy(n -> assertThat(doc).as(n).contains("`" + n + "`"));
    }

    private static void collect(String prefix, Class<?> type, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            Class<?> t = c.getType();
            if (t.isRecord() && t.getPackageName().startsWith("dev.rulesync")) {
                collect(name, t, out);
            } else {
                out.add(name);
            }
        }
    }

}
