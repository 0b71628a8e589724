package dev.rulesync.validate.logql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rulesync.validate.ExprProblem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error message the validator produces, with its 1-based place in the expression. The wording is Loki's
 * (checked against the oracle by LogqlConformanceTest); unlike Loki, errors found after parsing also carry the
 * place of the node they belong to.
 */
class LogqlErrorsTest {

    private final LogQL logql = new LogQL();

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("{app=\"foo\"} |= \"unterminated", 1, 16,
                        "literal not terminated"),
                Arguments.of("{app=\"foo\"} |= \"bad \\q escape\"", 1, 16,
                        "invalid char escape"),
                Arguments.of("{app=\"foo\"} /* open", 1, 13,
                        "comment not terminated"),
                Arguments.of("{app='ab'}", 1, 6,
                        "invalid char literal"),
                Arguments.of("count_over_time({app=\"foo\"}[5m)", 1, 28,
                        "missing closing ']' in duration"),
                Arguments.of("count_over_time({app=\"foo\"}[5x])", 1, 28,
                        "unknown unit \"x\" in duration \"5x\""),
                Arguments.of("count_over_time({app=\"foo\"}[x])", 1, 28,
                        "not a valid duration string: \"x\""),
                Arguments.of("count_over_time({app=\"foo\"}[])", 1, 28,
                        "empty duration string"),
                Arguments.of("{app=\"foo\"} |= \"\\400\"", 1, 16,
                        "invalid syntax"),
                Arguments.of("{app=\"foo\"} | n > 1e", 1, 19,
                        "exponent has no digits"),
                Arguments.of("{app=\"foo\"} | n > 09", 1, 19,
                        "invalid digit '9' in octal literal"),
                Arguments.of("{app=\"foo\"} | n > 1__0", 1, 19,
                        "'_' must separate successive digits"),
                Arguments.of("{app=\"foo\"} | n > 0x1.5", 1, 19,
                        "hexadecimal mantissa requires a 'p' exponent"),
                Arguments.of("{app=\"foo\"} | n > 1P", 1, 19,
                        "'P' exponent requires hexadecimal mantissa"),
                Arguments.of("{app=\"foo\"} | n > 0o1.5", 1, 19, "invalid radix point in octal literal"),
                Arguments.of("{app=\"foo\"} | n > 0x", 1, 19, "hexadecimal literal has no digits"),
                Arguments.of("{app=\"foo\"} | n > 0b1e5", 1, 19, "decimal literal has no digits"),
                Arguments.of("{app=\"foo\"} |= \"a\u0000b\"", 1, 16, "invalid character NUL"),
                Arguments.of("{app=\"foo\"} |= \"" + "x".repeat(LogQL.MAX_INPUT_SIZE) + "\"", 1, 1,
                        "input size too long (131089 > 131072)"),
                Arguments.of("{app=\"foo\"", 1, 11,
                        "syntax error: unexpected $end, expecting }"),
                Arguments.of("{app=\"foo\"} |= \"x\" |", 1, 20,
                        "syntax error: unexpected |"),
                Arguments.of("sum(rate({app=\"foo\"}[1m])) by (a) offset 5m", 1, 35,
                        "syntax error: unexpected offset"),
                Arguments.of("(variants(count_over_time({app=\"foo\"}[1m])) of ({app=\"foo\"}[1m]))", 1, 65,
                        "syntax error: unexpected )"),
                Arguments.of("sum({app=\"foo\"})", 1, 16,
                        "syntax error: unexpected )"),
                Arguments.of("label_replace({app=\"foo\"}, \"dst\", \"$1\", \"src\", \"(.*)\")", 1, 26,
                        "syntax error: unexpected ,"),
                Arguments.of("sum by (a) (\n  rate({app=\"foo\"}[1m])\n) +\n  foo", 4, 3,
                        "syntax error: unexpected IDENTIFIER"),
                Arguments.of("{app=~\"(\"}", 1, 7,
                        "error parsing regexp: missing closing ): `(`"),
                Arguments.of("count_over_time({app=~\"(a{1000}){2}\"}[1m])", 1, 23,
                        "error parsing regexp: invalid repeat count: `{2}`"),
                Arguments.of("{app=\"foo\"} | regexp \"(\\\\w+)\"", 1, 22,
                        "invalid regexp parser: at least one named capture must be supplied"),
                Arguments.of("{app=\"foo\"} | regexp \"(?P<a>x)(?P<a>y)\"", 1, 22,
                        "invalid regexp parser: duplicate extracted label name 'a'"),
                Arguments.of("{app=\"foo\"} | regexp \"(?P<a>x\"", 1, 22,
                        "invalid regexp parser: error parsing regexp: missing closing ): `(?P<a>x`"),
                Arguments.of("{app=\"foo\"} | pattern \"<_> foo\"", 1, 23,
                        "invalid pattern parser: at least one capture is required"),
                Arguments.of("{app=\"foo\"} | pattern \"<a><b>\"", 1, 23,
                        "invalid pattern parser: found consecutive capture '<a><b>': invalid expression"),
                Arguments.of("{app=\"foo\"} | pattern \"<a> <a>\"", 1, 23,
                        "invalid pattern parser: duplicate capture name (a): invalid expression"),
                Arguments.of("{app=\"foo\"} | pattern \"\"", 1, 23,
                        "invalid pattern parser: parse error at line 1, col 1: syntax error: unexpected $end, expecting IDENTIFIER or LITERAL"),
                Arguments.of("{app=\"foo\"} + 1", 1, 13,
                        "unexpected type for left leg of binary operation (+): *syntax.MatchersExpr"),
                Arguments.of("1 + {app=\"foo\"}", 1, 3,
                        "unexpected type for right leg of binary operation (+): *syntax.MatchersExpr"),
                Arguments.of("rate({app=\"foo\"}[1m]) or 1", 1, 23,
                        "unexpected literal for right leg of logical/set binary operation (or): 1.000000"),
                Arguments.of("1 and rate({app=\"foo\"}[1m])", 1, 3,
                        "unexpected literal for left leg of logical/set binary operation (and): 1.000000"),
                Arguments.of("0x10", 1, 1,
                        "unable to parse literal as a float: strconv.ParseFloat: parsing \"0x10\": invalid syntax"),
                Arguments.of("vector(0x10)", 1, 1,
                        "unable to parse vectorExpr as a float: strconv.ParseFloat: parsing \"0x10\": invalid syntax"),
                Arguments.of("label_replace(rate({app=\"foo\"}[1m]), \"dst\", \"$1\", \"src\", \"(\")", 1, 1,
                        "invalid regex in label_replace: error parsing regexp: missing closing ): `^(?:()$`"),
                Arguments.of("count_over_time(5, {app=\"foo\"}[1m])", 1, 1,
                        "parameter 5 not supported for operation count_over_time"),
                Arguments.of("quantile_over_time({app=\"foo\"} | unwrap x [1m])", 1, 1,
                        "parameter required for operation quantile_over_time"),
                Arguments.of("quantile_over_time(0x1, {app=\"foo\"} | unwrap x [1m])", 1, 1,
                        "invalid parameter for operation quantile_over_time: strconv.ParseFloat: parsing \"0x1\": invalid syntax"),
                Arguments.of("count_over_time({app=\"foo\"}[5m]) by (job)", 1, 1,
                        "grouping not allowed for count_over_time aggregation"),
                Arguments.of("approx_topk(5, rate({app=\"foo\"}[1m])) by (a)", 1, 1,
                        "grouping not allowed for approx_topk aggregation"),
                Arguments.of("count_over_time({app=\"foo\"} | unwrap x [1m])", 1, 1,
                        "invalid aggregation count_over_time with unwrap"),
                Arguments.of("sum_over_time({app=\"foo\"}[1m])", 1, 1,
                        "invalid aggregation sum_over_time without unwrap"),
                Arguments.of("topk(rate({app=\"foo\"}[1m]))", 1, 1,
                        "parameter required for operation topk"),
                Arguments.of("topk(1.5, rate({app=\"foo\"}[1m]))", 1, 1,
                        "invalid parameter topk(1.5,"),
                Arguments.of("topk(0, rate({app=\"foo\"}[1m]))", 1, 1,
                        "invalid parameter (must be greater than 0) topk(0"),
                Arguments.of("sum(5, rate({app=\"foo\"}[1m]))", 1, 1,
                        "unsupported parameter for operation sum(5,"),
                Arguments.of("sort(rate({app=\"foo\"}[1m])) by (a)", 1, 1,
                        "sort and sort_desc doesn't allow grouping by "),
                Arguments.of("{app=~\".*\"}", 1, 1,
                        "queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will"),
                Arguments.of("count_over_time({app=\"\"}[1m])", 1, 17,
                        "queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will"),
                Arguments.of("{app=\"foo\"} |= \"x\"", 1, 1,
                        "only sample expression supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsLokisMessageAtThePlace(String expr, int line, int column, String reason) {
        List<ExprProblem> problems = logql.analyze(expr).problems();
        assertThat(problems).containsExactly(new ExprProblem(line, column,
                "parse error at line " + line + ", col " + column + ": " + reason));
    }

    /** Rules Loki applies when it runs a rule: reported by checkEvaluation, at the stage that breaks them. */
    static Stream<Arguments> evaluationErrors() {
        return Stream.of(
                Arguments.of("count_over_time({app=\"foo\"} |= ip(\"192.168.0.256\") [1m])", 1, 32,
                        "stage '|= ip(\"192.168.0.256\")' : ip: invalid pattern: \"192.168.0.256\""),
                Arguments.of("count_over_time({app=\"foo\"} |~ ip(\"1.2.3.4\") [1m])", 1, 32,
                        "stage '|~ ip(\"1.2.3.4\")' : ip: invalid operation"),
                Arguments.of("count_over_time({app=\"foo\"} | logfmt | addr = ip(\"1::2::3\") [1m])", 1, 38,
                        "stage '| addr=ip(\"1::2::3\")' : ip: invalid pattern: \"1::2::3\""),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{.a\" [1m])", 1, 29,
                        "stage '| line_format \"{{.a\"' : invalid line template: template: line:1: unclosed action"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ .a | nosuchfunc }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ .a | nosuchfunc }}\"' : invalid line template: template: line:1: function \"nosuchfunc\" not defined"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ if .a }}x\" [1m])", 1, 29,
                        "stage '| line_format \"{{ if .a }}x\"' : invalid line template: template: line:1: unexpected EOF"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ end }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ end }}\"' : invalid line template: template: line:1: unexpected {{end}}"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ $x }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ $x }}\"' : invalid line template: template: line:1: undefined variable \"$x\""),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{/* c \" [1m])", 1, 29,
                        "stage '| line_format \"{{/* c \"' : invalid line template: template: line:1: unclosed comment"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ .a | 3 }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ .a | 3 }}\"' : invalid line template: template: line:1: non executable command in pipeline stage 2"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ break }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ break }}\"' : invalid line template: template: line:1: {{break}} outside {{range}}"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{}}\" [1m])", 1, 29,
                        "stage '| line_format \"{{}}\"' : invalid line template: template: line:1: missing value for command"),
                Arguments.of("bytes_over_time({app=\"foo\"} | line_format \"{{ @ }}\" [1m])", 1, 29,
                        "stage '| line_format \"{{ @ }}\"' : invalid line template: template: line:1: unexpected \"@\" in command"),
                Arguments.of("count_over_time({app=\"foo\"} | label_format a=\"{{.b\" [1m])", 1, 29,
                        "stage '| label_format a=\"{{.b\"' : invalid template for label 'a': template: label:1: unclosed action"),
                Arguments.of("count_over_time({app=\"foo\"} | label_format a=b, a=c [1m])", 1, 29,
                        "stage '| label_format a=b,a=c' : multiple label name 'a' not allowed in a single format operation"),
                Arguments.of("count_over_time({app=\"foo\"} | label_format __error__=b [1m])", 1, 29,
                        "stage '| label_format __error__=b' : __error__ cannot be formatted"),
                Arguments.of("count_over_time({app=\"foo\"} |~ \"(\" [1m])", 1, 32,
                        "stage '|~ \"(\"' : error parsing regexp: missing closing ): `(`"),
                Arguments.of("count_over_time({app=\"foo\"} |= \"x\" |~ \"a\" or \"(\" [1m])", 1, 39,
                        "stage '|~ \"a\" or \"(\"' : error parsing regexp: missing closing ): `(`"),
                Arguments.of("count_over_time({app=\"foo\"} |> \"<a> foo\" [1m])", 1, 32,
                        "stage '|> \"<a> foo\"' : named captures are not allowed: found '<a>'"),
                Arguments.of("count_over_time({app=\"foo\"} |> \"<_><_>\" [1m])", 1, 32,
                        "stage '|> \"<_><_>\"' : found consecutive capture '<_><_>': invalid expression"),
                Arguments.of("count_over_time({app=\"foo\"} | json a=\"\" [1m])", 1, 29,
                        "stage '| json a=\"\"' : cannot parse expression []: syntax error: unexpected $end"),
                Arguments.of("count_over_time({app=\"foo\"} | json a=\"b[1.5]\" [1m])", 1, 29,
                        "stage '| json a=\"b[1.5]\"' : cannot parse expression [b[1.5]]: cannot use float as array index"),
                Arguments.of("count_over_time({app=\"foo\"} | logfmt a=\"b c\" [1m])", 1, 29,
                        "stage '| logfmt a=\"b c\"' : cannot parse expression [b c]: syntax error: unexpected KEY"),
                Arguments.of("variants(topk(rate({app=\"foo\"}[1m]))) of ({app=\"foo\"}[1m])", 1, 10,
                        "error extracting variant 0: parse error : parameter required for operation topk"));
    }

    /**
     * Loki's engine drops a line_format that nothing after it reads (the line is only counted), so its template is
     * never parsed and the rule evaluates; under bytes_over_time, or before a parser or line filter, it is kept.
     */
    @org.junit.jupiter.api.Test
    void aLineFormatLokiDropsBeforeEvaluationIsNoEvaluationProblem() {
        assertThat(logql.analyze("count_over_time({app=\"foo\"} | line_format \"{{.a\" [1m])").evaluationProblems())
                .isEmpty();
        assertThat(logql.analyze("sum(rate({app=\"foo\"} | line_format \"{{.a\" | label_format b=\"x\" [1m]))")
                .evaluationProblems()).isEmpty();
        assertThat(logql.analyze("count_over_time({app=\"foo\"} | line_format \"{{.a\" | logfmt [1m])")
                .evaluationProblems()).singleElement().extracting(ExprProblem::column).isEqualTo(29);
        assertThat(logql.analyze("count_over_time({app=\"foo\"} | line_format \"{{.a\" |= \"x\" [1m])")
                .evaluationProblems()).hasSize(1);
        assertThat(logql.analyze("bytes_rate({app=\"foo\"} | line_format \"{{.a\" [1m])").evaluationProblems())
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evaluationErrors")
    void reportsEvaluationErrorsAtTheStage(String expr, int line, int column, String reason) {
        assertThat(logql.analyze(expr).problems()).as("Loki's parser accepts it").isEmpty();
        assertThat(logql.analyze(expr).evaluationProblems()).containsExactly(new ExprProblem(line, column,
                "parse error at line " + line + ", col " + column + ": " + reason));
    }
}
