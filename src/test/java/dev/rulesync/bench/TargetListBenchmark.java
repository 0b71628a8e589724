package dev.rulesync.bench;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.loki.LokiApiTarget;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import dev.rulesync.apply.s3.LokiS3Target;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.peers.Peers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Cost of listing one tenant of 200 groups x 10 rules (the re-list after every change and at every resync) from the
 * real peers: Mimir's API, Loki's API, and Loki's bucket on MinIO (one GET per group, 8 in flight). Run:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main TargetListBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class TargetListBenchmark {

    private static final int GROUPS = 200;
    private static final int RULES = 10;

    @Param({"mimir", "loki-api", "loki-s3"})
    public String target;

    private RulerTarget ruler;
    private String tenant;

    @Setup
    public void setup() {
        Peers peers = Peers.current();
        ruler = switch (target) {
            case "mimir" -> new MimirRulerTarget(MimirTargetProperties.of(peers.mimirUrl()));
            case "loki-api" -> new LokiApiTarget(LokiTargetProperties.api(peers.lokiUrl()));
            default -> new LokiS3Target(new LokiTargetProperties.S3(peers.minioUrl(), "us-east-1",
                    List.of(peers.lokiRulerBucket()), "", peers.minioAccessKey(), peers.minioSecretKey(), null, true,
                    null, 8, null), Duration.ofSeconds(10), RetryProperties.DEFAULT, null);
        };
        tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String expr = target.equals("mimir") ? "sum by (job) (rate(http_requests_total[5m]))"
                : "sum by (job) (rate({job=\"app\"} |= \"error\" [5m]))";
        for (int g = 0; g < GROUPS; g++) {
            List<Rule> rules = new ArrayList<>();
            for (int r = 0; r < RULES; r++) {
                rules.add(Rule.alerting("Alert" + r, expr + " > " + r, "5m", Map.of("severity", "page"),
                        Map.of("summary", "{{ $labels.job }} is failing")));
            }
            ruler.setGroup(tenant, "ns-" + (g % 10), RuleGroup.of("group-" + g, rules));
        }
    }

    @Benchmark
    public int listTenant() {
        int n = 0;
        for (List<RuleGroup> groups : ruler.list(tenant).values()) n += groups.size();
        if (n != GROUPS) throw new IllegalStateException("listed " + n + " groups, wrote " + GROUPS);
        return n;
    }
}
