package dev.rulesync.bench;

import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.logql.LogQL;
import dev.rulesync.validate.logql.LogqlBenchCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Parse + check throughput of the LogQL validator over the conformance corpus (one expression per operation, so
 * ops/s is expressions per second), to compare with Loki's own parser on the same corpus:
 * {@code logql-oracle bench target/logql-bench-corpus.jsonl ROUNDS} (see docs/logql.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LogqlBench {

    private final LogQL logql = new LogQL();
    private String[] all;
    private String[] validRules;
    private int i;
    private int j;

    @Setup
    public void setUp() throws IOException {
        List<String> corpus = LogqlBenchCorpus.expressions();
        all = corpus.toArray(String[]::new);
        validRules = corpus.stream().filter(e -> logql.analyze(e).problems().isEmpty()).toArray(String[]::new);
        // The same expressions for the oracle's bench mode, one JSON string per line.
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/logql-bench-corpus.jsonl"), LogqlBenchCorpus.asJsonLines(corpus),
                StandardCharsets.UTF_8);
        Files.write(Path.of("target/logql-bench-valid-rules.jsonl"), LogqlBenchCorpus.asJsonLines(List.of(validRules)),
                StandardCharsets.UTF_8);
    }

    /** The whole corpus: valid rules, log queries and mostly invalid mutations (invalid input takes the LL pass). */
    @Benchmark
    public List<ExprProblem> checkCorpus() {
        String e = all[i];
        i = (i + 1) % all.length;
        return logql.analyze(e).problems();
    }

    /** Only valid rule expressions: the common case when syncing. */
    @Benchmark
    public List<ExprProblem> checkValidRules() {
        String e = validRules[j];
        j = (j + 1) % validRules.length;
        return logql.analyze(e).problems();
    }
}
