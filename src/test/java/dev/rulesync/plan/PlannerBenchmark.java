package dev.rulesync.plan;

import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.rulesync.plan.Fixtures.*;

/**
 * How long planning takes for a large unchanged world (the alloy#5461/#6041 sizes: ~400 objects, 20k rules) and for
 * a one-namespace slice of it. The test language's canonical() is a regex, cheaper than a real PromQL parse: these
 * numbers are the planner's own cost. Run: see docs/planning.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlannerBenchmark {

    @Param({"400"})
    int objects;

    private Planner planner;
    private List<DesiredObject> desired;
    private RemoteState remote;
    private DesiredObject one;
    private dev.rulesync.plan.Scope slice;

    @Setup
    public void setUp() {
        planner = new Planner(List.of(mimir()), Pruning.PRUNE);
        desired = new ArrayList<>();
        Map<String, List<RuleGroup>> listed = new LinkedHashMap<>();
        for (int o = 0; o < objects; o++) {
            List<RuleGroup> groups = new ArrayList<>();
            for (int g = 0; g < 5; g++) {
                List<Rule> rules = new ArrayList<>();
                for (int r = 0; r < 10; r++) {
                    rules.add(alert("Alert" + r, "sum by (job) (rate(http_requests_total{code=~\"5..\", o=\"" + o
                            + "\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.0" + r, "5m",
                            Map.of("severity", "page", "team", "t" + o)));
                }
                groups.add(RuleGroup.of("group-" + g, rules));
            }
            DesiredObject object = metrics("tenant", cr("ns" + (o % 20), "obj" + o), groups.toArray(RuleGroup[]::new));
            desired.add(object);
            listed.put("rule-sync/ns" + (o % 20) + "/obj" + o, groups);
        }
        remote = new RemoteState(Map.of(new TargetKey("mimir", "tenant"), new Listing.Listed(listed)));
        one = desired.get(objects / 2);
        slice = dev.rulesync.plan.Scope.of(planner.keysOf(one));
    }

    @Benchmark
    public Plan wholeWorldUnchanged() {
        return planner.plan(desired, remote);
    }

    @Benchmark
    public Plan oneNamespaceSlice() {
        return planner.plan(List.of(one), remote, slice);
    }
}
