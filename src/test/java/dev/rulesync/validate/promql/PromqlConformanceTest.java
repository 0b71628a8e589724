package dev.rulesync.validate.promql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential conformance: every corpus expression, every hand-written edge case and deterministic mutations of
 * them go through our parser and through the real Prometheus parser (tools/promql-oracle). Both must agree on
 * valid/invalid, and for valid expressions our canonical form must equal Prometheus' String() form. Rule files
 * are judged with Prometheus' default options; promqltest scripts, which exercise
 * experimental features, with everything enabled on both sides.
 */
class PromqlConformanceTest {

    private record Case(String expr, String source) {
    }

    @Test
    void agreesWithPrometheusOnValidityAndCanonicalForm() throws Exception {
        List<String> rules = PromqlCorpus.ruleExpressions();
        List<String> promqltest = PromqlCorpus.promqltestExpressions();
        List<String> edges = PromqlEdgeCases.all();
        assertThat(rules).hasSizeGreaterThan(200);
        assertThat(promqltest).hasSizeGreaterThan(1500);

        // -Dpromql.fuzz.scale=N multiplies the mutations for an exploratory run.
        int scale = Integer.getInteger("promql.fuzz.scale", 1);
        List<Case> byDefault = new ArrayList<>();
        rules.forEach(e -> byDefault.add(new Case(e, "rules")));
        edges.forEach(e -> byDefault.add(new Case(e, "edge")));
        PromqlCorpus.mutations(rules, 12 * scale).forEach(e -> byDefault.add(new Case(e, "mutated rule")));
        PromqlCorpus.mutations(edges, 8 * scale).forEach(e -> byDefault.add(new Case(e, "mutated edge")));

        List<Case> allFeatures = new ArrayList<>();
        promqltest.forEach(e -> allFeatures.add(new Case(e, "promqltest")));
        edges.forEach(e -> allFeatures.add(new Case(e, "edge")));
        PromqlCorpus.mutations(promqltest, 4 * scale).forEach(e -> allFeatures.add(new Case(e, "mutated promqltest")));

        List<String> disagreements = new ArrayList<>();
        int[] counts = new int[4];
        compare(new PromQL(PromQL.Options.PROMETHEUS_DEFAULT), byDefault, disagreements, counts);
        compare(new PromQL(PromQL.Options.ALL), allFeatures, disagreements, counts, "-experimental", "-fill");

        System.out.printf("PromQL conformance: %d expressions (%d valid, %d invalid), %d canonical forms compared%n",
                counts[0], counts[1], counts[2], counts[3]);
        assertThat(counts[0]).isGreaterThanOrEqualTo(1000);
        assertThat(counts[2]).as("invalid expressions judged").isGreaterThan(300);
        assertThat(disagreements).as("disagreements with Prometheus").isEmpty();
    }

    private static void compare(PromQL ours, List<Case> cases, List<String> disagreements, int[] counts,
                                String... oracleFlags) throws Exception {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        try (PromqlOracle oracle = PromqlOracle.start(oracleFlags)) {
            for (Case c : cases) {
                if (!seen.add(c.expr())) continue;
                PromqlOracle.Verdict theirs = oracle.judge(c.expr());
                PromQL.Parsed mine;
                try {
                    mine = ours.parse(c.expr());
                } catch (RuntimeException e) {
                    disagreements.add(c.source() + ": " + c.expr() + "\n    we crashed: " + e);
                    continue;
                }
                counts[0]++;
                counts[theirs.ok() ? 1 : 2]++;
                if (mine.valid() != theirs.ok()) {
                    disagreements.add(c.source() + ": " + c.expr().replace("\n", "\\n") + "\n    prometheus: "
                            + (theirs.ok() ? "valid" : theirs.err()) + "\n    ours:       "
                            + (mine.valid() ? "valid" : mine.problems().getFirst()));
                } else if (mine.valid()) {
                    counts[3]++;
                    String canonical = Printer.print(mine.root());
                    if (!canonical.equals(theirs.str())) {
                        disagreements.add(c.source() + ": " + c.expr().replace("\n", "\\n")
                                + "\n    prometheus String(): " + theirs.str() + "\n    our canonical:       " + canonical);
                    } else if (!mine.type().internal().equals(theirs.type())) {
                        disagreements.add(c.source() + ": " + c.expr() + "\n    type " + theirs.type() + " vs ours " + mine.type());
                    }
                }
            }
        }
    }
}
