package dev.rulesync.bench;

import dev.rulesync.validate.promql.PromQL;
import dev.rulesync.validate.promql.PromqlBenchCorpus;
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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse + check throughput of our PromQL front end over the differential corpus (kube-prometheus and loki-mixin
 * rules, promqltest eval expressions), one op = one pass over the whole corpus. The same corpus goes through the
 * Go parser with {@code promql-oracle -bench}; tools/promql-oracle/bench.sh runs both and prints the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PromqlBench {

    private final PromQL promql = new PromQL(PromQL.Options.ALL);
    private List<String> corpus;

    @Setup
    public void load() throws Exception {
        corpus = PromqlBenchCorpus.expressions();
    }

    @Benchmark
    public void parseAndCheckCorpus(Blackhole bh) {
        for (String e : corpus) bh.consume(promql.parse(e));
    }

    @Benchmark
    public void canonicalCorpus(Blackhole bh) {
        for (String e : corpus) {
            var p = promql.parse(e);
            if (p.valid()) bh.consume(promql.canonical(e));
        }
    }

    /** {@code PromqlBench <file>}: writes the corpus as JSON lines for {@code promql-oracle -bench}. */
    public static void main(String[] args) throws Exception {
        List<String> corpus = PromqlBenchCorpus.expressions();
        Files.write(Path.of(args[0]), corpus.stream().map(PromqlBenchCorpus::json).toList());
        System.out.println("wrote " + corpus.size() + " expressions to " + args[0]);
    }
}
