package dev.rulesync.validate.logql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential conformance: every corpus expression is judged by our validator and by Loki's own parser (the
 * logql-oracle process). Verdicts must agree, as a query and as a rule; and the canonical form must not change
 * when Loki formats the expression first.
 */
class LogqlConformanceTest {

    private final LogQL logql = new LogQL();

    @Test
    void agreesWithLokiOnEveryCorpusExpression() {
        List<String> corpus = LogqlCorpus.all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        List<LokiOracle.Judgement> loki = LokiOracle.judge(corpus);

        // Loki's printed forms, judged by Loki again: a few do not read back (NaN, +Inf, quoted names).
        List<String> lokiStrings = loki.stream().map(j -> j.query().string()).toList();
        List<LokiOracle.Judgement> reread = LokiOracle.judge(lokiStrings);

        List<String> disagreements = new ArrayList<>();
        List<String> differentText = new ArrayList<>();
        List<String> evalDisagreements = new ArrayList<>();
        List<String> notIdempotent = new ArrayList<>();
        int validQueries = 0;
        int validRules = 0;
        int sameAsLoki = 0;
        int bothInvalid = 0;
        int sameReason = 0;
        int lokiPositioned = 0;
        int samePosition = 0;
        List<String> reasonDiffs = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String e = corpus.get(i);
            LokiOracle.Judgement j = loki.get(i);
            List<ExprProblem> asQuery = logql.checkQuery(e);
            ExpressionAnalysis analysis = logql.analyze(e);
            List<ExprProblem> asRule = analysis.problems();
            if (asQuery.isEmpty() != j.query().ok()) {
                disagreements.add("query " + show(e) + "\n  loki: " + (j.query().ok() ? "valid" : j.query().error())
                        + "\n  ours: " + (asQuery.isEmpty() ? "valid" : asQuery.getFirst().message()));
            }
            if (asRule.isEmpty() != j.rule().ok()) {
                disagreements.add("rule  " + show(e) + "\n  loki: " + (j.rule().ok() ? "valid" : j.rule().error())
                        + "\n  ours: " + (asRule.isEmpty() ? "valid" : asRule.getFirst().message()));
            }
            // the oracle builds the pipelines of the query as written (Extractors()); Loki's engine first drops
            // line_format stages it does not need, which RulerGroupsDifferentialIT proves on the real ruler
            LokiRules.Violation unbuildable = analysis.valid()
                    ? LokiPipelineRules.validate((Ast.Expr) analysis.tree()) : null;
            boolean evaluates = analysis.valid() && unbuildable == null;
            if (evaluates != j.eval().ok()) {
                evalDisagreements.add("eval  " + show(e) + "\n  loki: " + (j.eval().ok() ? "valid" : j.eval().error())
                        + "\n  ours: " + (evaluates ? "valid" : !analysis.valid() ? asRule.getFirst().message()
                        : unbuildable.message()));
            }
            if (!j.query().ok() && !asQuery.isEmpty()) {
                bothInvalid++;
                Matcher lm = POSITIONED.matcher(j.query().error());
                Matcher om = POSITIONED.matcher(asQuery.getFirst().message());
                String lokiReason = lm.matches() ? lm.group(3) : j.query().error().replaceFirst("^parse error : ", "");
                String ourReason = om.matches() ? om.group(3) : asQuery.getFirst().message();
                if (lokiReason.equals(ourReason)) {
                    sameReason++;
                } else {
                    reasonDiffs.add(show(e) + "\n  loki: " + j.query().error() + "\n  ours: "
                            + asQuery.getFirst().message());
                }
                if (lm.matches() && !lm.group(1).equals("0")) {
                    lokiPositioned++;
                    if (om.matches() && lm.group(1).equals(om.group(1)) && lm.group(2).equals(om.group(2))) {
                        samePosition++;
                    }
                }
            }
            // Loki accepts a few trees its String() cannot print (the oracle then reports an empty string).
            if (j.query().ok() && asQuery.isEmpty() && !j.query().string().isEmpty()) {
                validQueries++;
                if (j.rule().ok()) validRules++;
                String ours = logql.parseQuery(e).canonical();
                if (ours.equals(j.query().string())) {
                    sameAsLoki++;
                } else {
                    differentText.add(show(e) + "\n  loki: " + j.query().string() + "\n  ours: " + ours);
                }
                // Only where Loki's printed form reads back into the same tree in Loki itself (not for NaN, +Inf,
                // quoted label names, or "| json !" printed as `| json !="!"`).
                if (!reread.get(i).query().ok() || !reread.get(i).query().string().equals(j.query().string())) continue;
                List<ExprProblem> reparsed = logql.checkQuery(j.query().string());
                if (!reparsed.isEmpty() || !logql.parseQuery(j.query().string()).canonical().equals(ours)) {
                    notIdempotent.add(show(e) + "\n  loki: " + j.query().string() + "\n  ours: " + ours);
                }
            }
        }
        System.out.printf("logql conformance: %d expressions, %d valid queries, %d valid rules, "
                + "canonical form identical to Loki's String() for %d of %d%n",
                corpus.size(), validQueries, validRules, sameAsLoki, validQueries);
        System.out.printf("logql errors: %d rejected by both, same reason text for %d, same position for %d of the "
                + "%d Loki gives a position for%n", bothInvalid, sameReason, samePosition, lokiPositioned);
        if (Boolean.getBoolean("logql.showDiffs")) {
            reasonDiffs.forEach(d -> System.out.println("error text differs: " + d));
        }
        differentText.stream().limit(30).forEach(d -> System.out.println("canonical differs from Loki's String(): " + d));
        assertThat(disagreements).as("verdicts that differ from Loki's").isEmpty();
        assertThat(evalDisagreements).as("evaluation verdicts that differ from Loki's").isEmpty();
        assertThat(notIdempotent).as("canonical(x) != canonical(loki(x))").isEmpty();
        assertThat(validRules).as("the corpus must hold valid rules too").isGreaterThan(100);
    }

    private static final Pattern POSITIONED = Pattern.compile("(?s)parse error at line (\\d+), col (\\d+): (.*)");

    private static String show(String e) {
        return "`" + e.replace("\n", "\\n") + "`";
    }
}
