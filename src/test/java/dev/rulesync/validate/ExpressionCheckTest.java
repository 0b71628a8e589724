package dev.rulesync.validate;

import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter between an expression language and problems in the file, with two tiny test-only languages. */
class ExpressionCheckTest {

    /** Accepts lower-case words joined by single spaces; reports the first other character. */
    static final class WordsLanguage implements ExpressionLanguage {
        private final String name;
        private final char allowedExtra;

        WordsLanguage(String name, char allowedExtra) {
            this.name = name;
            this.allowedExtra = allowedExtra;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ExpressionAnalysis analyze(String expr) {
            List<ExprProblem> problems = check(expr);
            return problems.isEmpty() ? ExpressionAnalysis.valid("words", expr, expr::trim, () -> evaluation(expr))
                    : ExpressionAnalysis.invalid(problems, null);
        }

        private List<ExprProblem> check(String expr) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < expr.length(); i++) {
                char c = expr.charAt(i);
                if (c == '\n') {
                    line++;
                    col = 1;
                    continue;
                }
                if (!(Character.isLowerCase(c) || c == ' ' || c == allowedExtra)) {
                    return List.of(new ExprProblem(line, col, "unexpected character '" + c + "'"));
                }
                col++;
            }
            return List.of();
        }

        /** The word "boom" parses but, as a stand-in for a broken template, fails every evaluation. */
        private static List<ExprProblem> evaluation(String expr) {
            int at = expr.indexOf("boom");
            if (at < 0) return List.of();
            String before = expr.substring(0, at);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int col = at - before.lastIndexOf('\n');
            return List.of(new ExprProblem(line, col, "boom fails at run time"));
        }
    }

    private static final ExpressionLanguages LANGUAGES = new ExpressionLanguages(Map.of(
            RuleType.METRICS, new WordsLanguage("tinyql", '_'),
            RuleType.LOGS, new WordsLanguage("tinylogql", '|')));

    private static LoadedObject load(String type, String exprPart) {
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: x
                  labels: {tenant: t, type: %s}
                spec:
                  groups:
                  - name: g
                    rules:
                    - alert: A
                      expr: %s
                """.formatted(type, exprPart);
        LoadResult r = new RuleFileLoader().load("e.yaml", yaml);
        assertThat(r.problems()).isEmpty();
        return r.objects().getFirst();
    }

    private static List<Problem> check(LoadedObject o, RuleType type) {
        var g = o.object().groups().getFirst();
        return new ExpressionCheck(LANGUAGES).check(o.object(), g, g.rules().getFirst(), type).problems();
    }

    @Test
    void validExpressionGivesNothing() {
        assertThat(check(load("metrics", "up_total is fine"), RuleType.METRICS)).isEmpty();
    }

    @Test
    void problemIsReportedAsLanguageSyntaxAtTheMappedPlace() {
        LoadedObject o = load("metrics", "|\n        first line\n        second Line");
        List<Problem> p = check(o, RuleType.METRICS);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().check()).isEqualTo("tinyql/syntax");
        assertThat(p.getFirst().severity()).isEqualTo(Severity.ERROR);
        // "L" is on the expression's line 2, column 8; the block content starts at column 9 on file line 13
        assertThat(p.getFirst().position()).isEqualTo(new Position("e.yaml", 13, 16));
        assertThat(p.getFirst().group()).isEqualTo("g");
        assertThat(p.getFirst().rule()).isEqualTo("A");
        assertThat(p.getFirst().message()).doesNotContain("hint");
    }

    @Test
    void anExpressionOfTheOtherLanguageGetsAWrongTypeHint() {
        LoadedObject o = load("logs", "\"rate_of errors\"");
        List<Problem> p = check(o, RuleType.LOGS);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo("tinylogql/syntax");
            assertThat(x.message()).contains("valid tinyql expression").contains("`metrics`");
            assertThat(x.position()).isEqualTo(new Position("e.yaml", 11, 18));
        });
    }

    @Test
    void evaluationProblemIsReportedAsLanguageEvaluationAtTheMappedPlace() {
        LoadedObject o = load("metrics", "|\n        first line\n        then boom");
        assertThat(check(o, RuleType.METRICS)).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo("tinyql/evaluation");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("boom fails at run time");
            assertThat(x.position()).isEqualTo(new Position("e.yaml", 13, 14));
        });
    }

    @Test
    void evaluationIsOnlyCheckedWhenTheSyntaxIsClean() {
        assertThat(check(load("metrics", "boom Bad"), RuleType.METRICS)).extracting(Problem::check)
                .containsExactly("tinyql/syntax");
    }

    @Test
    void evaluationCheckCanBeSwitchedOffByName() {
        LoadedObject o = load("metrics", "boom");
        assertThat(new Validator(ValidationOptions.DEFAULTS, LANGUAGES).validate(o.object(), RuleType.METRICS).valid())
                .isFalse();
        Validator off = new Validator(new ValidationOptions(null, 20, java.util.Set.of("tinyql/evaluation")), LANGUAGES);
        assertThat(off.validate(o.object(), RuleType.METRICS).problems()).isEmpty();
        assertThat(Checks.exists("tinyql/evaluation")).isTrue();
    }

    @Test
    void builtInLogqlReportsTemplatesLokiFailsOnAtEveryEvaluation() {
        LoadedObject o = load("logs", "'bytes_over_time({app=\"a\"} | line_format \"{{ .msg\" [5m])'");
        var g = o.object().groups().getFirst();
        List<Problem> p = new ExpressionCheck(ExpressionLanguages.builtIn()).check(o.object(), g, g.rules().getFirst(),
                RuleType.LOGS).problems();
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo(Checks.LOGQL_EVALUATION);
            assertThat(x.message()).contains("unclosed action");
            // the '|' of the line_format stage: expression column 27, the quoted value starts at file column 14
            assertThat(x.position()).isEqualTo(new Position("e.yaml", 11, 40));
        });
        assertThat(Checks.severity(Checks.LOGQL_EVALUATION)).isEqualTo(Severity.ERROR);
    }

    @Test
    void noLanguageForTheTypeMeansNoCheck() {
        LoadedObject o = load("metrics", "Anything Goes");
        var g = o.object().groups().getFirst();
        assertThat(new ExpressionCheck(new ExpressionLanguages(Map.of())).check(o.object(), g, g.rules().getFirst(),
                RuleType.METRICS).problems()).isEmpty();
    }

    @Test
    void validatorRunsTheLanguageAndTheSwitchesApplyToIt() {
        LoadedObject o = load("metrics", "Bad");
        Validator v = new Validator(ValidationOptions.DEFAULTS, LANGUAGES);
        assertThat(v.validate(o.object(), RuleType.METRICS).problems()).extracting(Problem::check)
                .containsExactly("tinyql/syntax");
        assertThat(v.validate(o.object(), RuleType.METRICS).valid()).isFalse();
        Validator off = new Validator(new ValidationOptions(null, 20, java.util.Set.of("tinyql/syntax")), LANGUAGES);
        assertThat(off.validate(o.object(), RuleType.METRICS).valid()).isTrue();
        List<Problem> none = new ArrayList<>(v.validate(o.object(), null).problems());
        assertThat(none).as("without a type no language runs").isEmpty();
    }
}
