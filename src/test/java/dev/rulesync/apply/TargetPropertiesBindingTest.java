package dev.rulesync.apply;

import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration records bind the way Spring Boot will bind them, defaults included. */
class TargetPropertiesBindingTest {

    private static <T> T bind(Map<String, String> props, String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(props)).bindOrCreate(prefix, type);
    }

    @Test
    void mimirDefaults() {
        MimirTargetProperties p = bind(Map.of("t.url", "http://mimir:8080"), "t", MimirTargetProperties.class);
        assertThat(p.url()).isEqualTo(URI.create("http://mimir:8080"));
        assertThat(p.prefix()).isEqualTo("/prometheus");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.retry().maxAttempts()).isEqualTo(3);
        assertThat(p.retry().minBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.tls().insecureSkipVerify()).isFalse();
        assertThat(p.auth().username()).isNull();
    }

    @Test
    void mimirEverything() {
        MimirTargetProperties p = bind(Map.of(
                "t.url", "https://m", "t.prefix", "/custom/", "t.timeout", "3s",
                "t.auth.bearer-token-file", "/var/run/token",
                "t.tls.ca-file", "/etc/ca.pem", "t.tls.server-name", "mimir.internal",
                "t.retry.max-attempts", "5", "t.retry.max-backoff", "4s"), "t", MimirTargetProperties.class);
        assertThat(p.prefix()).isEqualTo("/custom");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.auth().bearerTokenFile()).isEqualTo(Path.of("/var/run/token"));
        assertThat(p.tls().serverName()).isEqualTo("mimir.internal");
        assertThat(p.retry().maxAttempts()).isEqualTo(5);
        assertThat(p.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void lokiS3Mode() {
        LokiTargetProperties p = bind(Map.of(
                "t.mode", "s3", "t.s3.endpoint", "http://minio:9000", "t.s3.buckets", "r1,r2",
                "t.s3.access-key-id", "AK", "t.s3.secret-access-key", "SK", "t.s3.path-style", "true"),
                "t", LokiTargetProperties.class);
        assertThat(p.mode()).isEqualTo(LokiTargetProperties.Mode.S3);
        assertThat(p.s3().buckets()).isEqualTo(List.of("r1", "r2"));
        assertThat(p.s3().region()).isEqualTo("us-east-1");
        assertThat(p.s3().pathStyle()).isTrue();
        assertThat(p.s3().listConcurrency()).isEqualTo(8);
        assertThat(p.s3().toString()).doesNotContain("SK");
    }

    @Test
    void lokiApiDefaultsAndNothingConfiguredStillBinds() {
        LokiTargetProperties p = bind(Map.of("t.url", "http://loki:3100"), "t", LokiTargetProperties.class);
        assertThat(p.mode()).isEqualTo(LokiTargetProperties.Mode.API);
        assertThat(p.prefix()).isEmpty();
        assertThat(bind(Map.of(), "t", MimirTargetProperties.class).url()).isNull();
    }
}
