package dev.rulesync.bench;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.engine.Linter;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * In-process cost of linting one generated PrometheusRule file of 20 rules (read, classify, check), without JVM
 * start and file I/O; scripts/bench-lint.sh measures the whole command. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main LintBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LintBenchmark {

    private String file;
    private RuleFileLoader loader;
    private Linter linter;

    @Setup
    public void setup() {
        StringBuilder sb = new StringBuilder("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: bench
                  namespace: team
                  labels: {tenant: team, type: metrics}
                spec:
                  groups:
                """);
        for (int g = 0; g < 2; g++) {
            sb.append("    - name: group-").append(g).append("\n      interval: 1m\n      rules:\n");
            for (int r = 0; r < 5; r++) {
                sb.append("        - record: job:http_requests_").append(g).append(r).append(":rate5m\n")
                        .append("          expr: sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n");
            }
            for (int r = 0; r < 5; r++) {
                sb.append("        - alert: HighErrorRate").append(g).append(r).append("\n")
                        .append("          expr: |\n            job:http_requests_").append(g).append(r)
                        .append(":rate5m\n              / job:http_requests_total:rate5m > 0.05\n")
                        .append("          for: 10m\n          labels:\n            severity: critical\n")
                        .append("          annotations:\n")
                        .append("            summary: '{{ $labels.job }} fails {{ $value | humanizePercentage }}'\n")
                        .append("            description: >-\n              {{ if gt $value 0.1 }}many{{ else }}some{{ end }} on {{ $labels.instance }}\n");
            }
        }
        file = sb.toString();
        loader = new RuleFileLoader();
        linter = new Linter(loader, new Classifier(ClassifyOptions.DEFAULTS),
                new Validator(ValidationOptions.DEFAULTS, ExpressionLanguages.builtIn()));
    }

    /** Files per second; multiply by 20 for rules per second. */
    @Benchmark
    public int lintOneFile() {
        LoadResult r = loader.load("bench.yaml", file);
        int problems = r.problems().size();
        for (LoadedObject o : r.objects()) problems += linter.check(o).problems().size();
        if (problems != 0) throw new IllegalStateException("the benchmark file must be clean");
        return problems;
    }
}
