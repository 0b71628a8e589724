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
 * Parse + check throughput of our PromQL front end over the differential corpus (the real rule files and promqltest
 * eval expressions of testsupport.Corpora), one op = one pass over the whole corpus. The same corpus goes through the
 * Go parser with {@code promql-oracle -bench}; tools/promql-oracle/bench.sh runs both and prints the ratio.
 * Warm-up is long on purpose: on the busy 2-core build machine C2 compilation of the ANTLR runtime takes
 * 30-40 s of wall time, and measuring earlier measures the interpreter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 3)
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
            var a = promql.analyze(e);
            if (a.valid()) bh.consume(a.canonical());
        }
    }

    /**
     * {@code PromqlBench corpus <file>}: writes the corpus as JSON lines for {@code promql-oracle -bench}.
     * {@code PromqlBench cpu <seconds>}: process CPU time per expression (GC and JIT included), the same measure
     * promql-oracle -bench prints as cpu-ns/expr, because wall time on a shared machine mostly measures the
     * neighbours.
     */
    public static void main(String[] args) throws Exception {
        List<String> corpus = PromqlBenchCorpus.expressions();
        if (args[0].equals("corpus")) {
            Files.write(Path.of(args[1]), corpus.stream().map(PromqlBenchCorpus::json).toList());
            System.out.println("wrote " + corpus.size() + " expressions to " + args[1]);
            return;
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        PromQL promql = new PromQL(PromQL.Options.ALL);
        long seconds = Long.parseLong(args[1]);
        long warmEnd = System.nanoTime() + Long.parseLong(System.getProperty("warmup.seconds", "20")) * 1_000_000_000L;
        int sink = 0;
        while (System.nanoTime() < warmEnd) for (String e : corpus) sink += promql.parse(e).problems().size();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        long passes = 0;
        while (System.nanoTime() < end) {
            for (String e : corpus) sink += promql.parse(e).problems().size();
            passes++;
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long n = passes * corpus.size();
        System.out.printf("java-parser exprs=%d passes=%d ns/expr=%.1f passes/s=%.2f cpu-ns/expr=%.1f (%d)%n",
                corpus.size(), passes, (double) wall / n, passes / (wall / 1e9), (double) cpu / n, sink % 2);
    }
}
