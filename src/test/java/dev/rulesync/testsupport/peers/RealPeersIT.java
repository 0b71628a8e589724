package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself: one shared set of peers, its API, and working CLI tools against the peers. */
@RealPeers
class RealPeersIT {

    private static Peers fromBeforeAll;

    @BeforeAll
    static void capture(Peers peers) {
        fromBeforeAll = peers;
    }

    @Test
    void everyInjectionPointSeesTheSamePeers(Peers peers) {
        assertThat(peers).isSameAs(fromBeforeAll).isSameAs(Peers.current());
        assertThat(List.of(peers.mimirUrl(), peers.lokiUrl(), peers.minioUrl()))
                .allSatisfy(url -> assertThat(url.getHost()).isEqualTo("127.0.0.1"))
                .doesNotHaveDuplicates();
        assertThat(peers.lokiRulerBucket()).isEqualTo("loki-ruler");
    }

    @Test
    void knowsExactlyTheFivePrograms(Peers peers) {
        for (String name : List.of("mimir", "loki", "minio", "mimirtool", "lokitool")) {
            assertThat(Files.isExecutable(peers.binary(name))).as(name).isTrue();
        }
        assertThatThrownBy(() -> peers.binary("prometheus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prometheus");
    }

    @Test
    void mimirtoolListsWhatTheApiWrote(Peers peers) throws Exception {
        String tenant = "tool-" + UUID.randomUUID().toString().substring(0, 8);
        post(peers.mimirUrl().resolve("/prometheus/config/v1/rules/toolns"), tenant);

        String out = run(peers.binary("mimirtool").toString(), "rules", "list",
                "--address=" + peers.mimirUrl(), "--id=" + tenant);
        assertThat(out).contains("toolns").contains("toolgroup");
    }

    @Test
    void lokitoolListsWhatTheApiWrote(Peers peers) throws Exception {
        String tenant = "tool-" + UUID.randomUUID().toString().substring(0, 8);
        post(peers.lokiUrl().resolve("/loki/api/v1/rules/toolns"), tenant);

        String out = run(peers.binary("lokitool").toString(), "rules", "list",
                "--address=" + peers.lokiUrl(), "--id=" + tenant);
        assertThat(out).contains("toolns").contains("toolgroup");
    }

    private static void post(URI uri, String tenant) throws IOException, InterruptedException {
        String group = """
                name: toolgroup
                rules:
                  - record: job:lines:rate1m
                    expr: sum by (job) (rate({job="app"}[1m]))
                """;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("X-Scope-OrgID", tenant)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(group)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
