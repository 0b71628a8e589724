package dev.rulesync.validate.promql;

import java.util.ArrayList;
import java.util.List;

/** The benchmark corpus (for dev.rulesync.bench.PromqlBench): every rule and promqltest expression. */
public final class PromqlBenchCorpus {

    private PromqlBenchCorpus() {
    }

    public static List<String> expressions() throws java.io.IOException {
        List<String> all = new ArrayList<>(PromqlCorpus.ruleExpressions());
        all.addAll(PromqlCorpus.promqltestExpressions());
        return List.copyOf(all);
    }

    public static String json(String expr) {
        return PromqlOracle.Json.quote(expr);
    }
}
