package dev.rulesync.validate.logql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rulesync.validate.ExprProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public face of the LogQL validator, and the cases where it once disagreed with Loki. */
class LogqlTest {

    private final LogQL logql = new LogQL();

    @Test
    void isNamedLogql() {
        assertThat(logql.name()).isEqualTo("logql");
    }

    @Test
    void acceptsAMetricQueryAsRule() {
        assertThat(logql.analyze("sum by (job) (rate({app=\"api\"} |= \"error\" [5m])) > 0.1").problems()).isEmpty();
    }

    @Test
    void rejectsALogQueryAsRuleButParsesItAsQuery() {
        String log = "{app=\"api\"} | json | level=\"error\"";
        assertThat(logql.analyze(log).problems()).extracting(ExprProblem::message)
                .containsExactly("parse error at line 1, col 1: only sample expression supported");
        assertThat(logql.checkQuery(log)).isEmpty();
        assertThat(logql.parseQuery(log)).isEqualTo(new LogQL.Query(false, "{app=\"api\"} | json | level=\"error\""));
        assertThat(logql.parseQuery("rate(" + log + "[1m])").sample()).isTrue();
    }

    @Test
    void canonicalFormIsLokisStringForm() {
        assertThat(logql.parseQuery("sum(rate({app=\"foo\"}[5m])) by (job)").canonical())
                .isEqualTo("sum by (job)(rate({app=\"foo\"}[5m]))");
        assertThat(logql.parseQuery("rate({app=\"foo\"}[1m]) / on(a) group_left(b) rate({app=\"bar\"}[1m])").canonical())
                .isEqualTo("(rate({app=\"foo\"}[1m]) / on (a) group_left (b) rate({app=\"bar\"}[1m]))");
        assertThat(logql.parseQuery("{app=\"foo\"} | logfmt | a=\"1\" and b=\"2\" or c=\"3\"").canonical())
                .isEqualTo("{app=\"foo\"} | logfmt | ( ( a=\"1\" , b=\"2\" ) or c=\"3\" )");
        assertThat(logql.parseQuery("count_over_time({app=\"foo\"} != \"a\" or \"b\" [1h30m])").canonical())
                .isEqualTo("count_over_time({app=\"foo\"} != \"a\" != \"b\"[1h30m])");
        assertThat(logql.parseQuery("1 + 2 * 3").canonical()).isEqualTo("7");
    }

    @Test
    void canonicalFormsAreEqualExactlyWhenTheTreesAre() {
        String a = logql.parseQuery("sum by (job) (count_over_time({app=`foo`}\n  |= \"x\" [5m])) # why").canonical();
        String b = logql.parseQuery("SUM(count_over_time({app=\"foo\"} |= `x`[300s])) BY (job)").canonical();
        String c = logql.parseQuery("sum by (job) (count_over_time({app=\"foo\"} |= \"y\" [5m]))").canonical();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void canonicalRejectsInvalidExpressions() {
        assertThatThrownBy(() -> logql.parseQuery("sum(rate({app=\"foo\"}[5m])").canonical())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parse error at line 1, col 26: syntax error: unexpected $end, expecting )");
    }

    @Test
    void regularExpressionsFollowGoSyntaxNotJavas() {
        // RE2 has no backreferences and no lookaround; java.util.regex would accept both.
        assertThat(logql.analyze("count_over_time({app=~\"(a)\\\\1\"}[1m])").problems()).singleElement()
                .extracting(ExprProblem::message).asString().contains("invalid escape sequence");
        assertThat(logql.analyze("count_over_time({app=~\"a(?=b)\"}[1m])").problems()).singleElement()
                .extracting(ExprProblem::message).asString().contains("invalid or unsupported Perl syntax");
        // Go forms that Java lacks or spells differently.
        assertThat(logql.analyze("count_over_time({app=~\"(?P<x>a)\"}[1m])").problems()).isEmpty();
        assertThat(logql.analyze("count_over_time({app=~\"\\\\pL+[[:digit:]]\"}[1m])").problems()).isEmpty();
        // Go allows a group name twice; Loki's regexp parser does not.
        assertThat(logql.analyze("count_over_time({app=~\"(?P<x>a)(?P<x>b)\"}[1m])").problems()).isEmpty();
    }

    // Disagreements with Loki found by the conformance suite, kept as named cases.

    @Test
    void underscoresBetweenDigitsAreANumberAsInGo() {
        assertThat(logql.analyze("1_000").problems()).isEmpty();
        assertThat(logql.parseQuery("1_000 + 1").canonical()).isEqualTo("1001");
    }

    @Test
    void aMatcherAfterDropOrKeepIsAMatcherNotANameAndALineFilter() {
        assertThat(logql.parseQuery("{app=\"foo\"} | keep a, b!=\"z\"").canonical()).isEqualTo("{app=\"foo\"} | keep a,b!=\"z\"");
    }

    @Test
    void lokiDoesNotValidateTheExpressionsInsideVariants() {
        // Loki accepts this (and then cannot print it): only the log range of variants() is validated.
        assertThat(logql.analyze("variants(topk(rate({app=\"foo\"}[1m]))) of ({app=\"foo\"}[1m])").problems()).isEmpty();
    }

    @Test
    void zeroBIsBinaryOnlyWhenLokisStaleLookAheadSaysSo() {
        // Loki's scanner decides on "0b" with the character where the scan started: right after the previous
        // token. So "n>0b1" lexes as a binary number (which strconv.ParseFloat then cannot read, and Loki ignores
        // that error in label filters, comparing with 0), while "n > 0b1" (a space first) is a broken decimal.
        assertThat(logql.parseQuery("{app=\"foo\"} | n>0b1").canonical()).isEqualTo("{app=\"foo\"} | n>0");
        assertThat(logql.checkQuery("{app=\"foo\"} | n > 0b1")).extracting(ExprProblem::message)
                .containsExactly("parse error at line 1, col 19: decimal literal has no digits");
    }

    @Test
    void aBraceThatStartsNoRepetitionIsALiteralAsInGo() {
        // Found with seed 99: Go reads "a+{+" as a+ then a literal '{' repeated; RE2/J (used then) called it nested repetition.
        assertThat(logql.checkQuery("{app=~\"a+{+\"}")).isEmpty();
        assertThat(logql.checkQuery("{app=~\"a**\"}")).extracting(ExprProblem::message).singleElement()
                .asString().contains("invalid nested repetition operator");
    }

    @Test
    void aBracketColonWithoutColonBracketIsNoPosixClassAsInGo() {
        // Found by the random regexes (seed 2024): Go reads "[:[:]" as the class of ':' and '['.
        assertThat(logql.analyze("count_over_time({app=~`d[:[:]`}[1m])").problems()).isEmpty();
        assertThat(logql.analyze("count_over_time({app=~`[[:foo:]]`}[1m])").problems()).singleElement()
                .extracting(ExprProblem::message).asString().contains("invalid character class range");
    }

    @Test
    void aTrailingQuoteToTheEndDoesNotSwallowTheAnchors() {
        // Found with seed 77: wrapping the text as "^(?s:...)$" put ")$" inside \\Q...; Prometheus wraps the
        // parsed form instead. This once threw out of check().
        assertThat(logql.analyze("count_over_time({app=~`.2P\\Qd^`}[1m])").problems()).isEmpty();
    }

    @Test
    void aRepetitionAfterAFlagsGroupRepeatsTheAtomBefore() {
        // Found with seed 77: in Go "p{1000}(?i){1000}" repeats p{1000} 1000 times, over Go's limit.
        assertThat(logql.analyze("count_over_time({app=~`p{1000}(?i){1000}`}[1m])").problems()).singleElement()
                .extracting(ExprProblem::message).asString().endsWith("invalid repeat count: `{1000}`");
    }

    @Test
    void assigningAnUndeclaredTemplateVariableParsesAsInGo() {
        // Found with seed 31337: Go's template parser records "$x = 1" like "$x := 1"; only running it fails.
        assertThat(logql.analyze("bytes_over_time({app=\"foo\"} | line_format \"{{ $x = 1 }}{{ $x }}\" [1m])").evaluationProblems())
                .isEmpty();
        // But "=" must not touch the name: Go's lexer wants a space, '.', ',', '|', ':', '(' or ')' after it.
        assertThat(logql.analyze("bytes_over_time({app=\"foo\"} | line_format \"{{ $x= 1 }}\" [1m])").evaluationProblems())
                .singleElement().extracting(ExprProblem::message).asString().endsWith("bad character U+003D '='");
        assertThat(logql.analyze("bytes_over_time({app=\"foo\"} | line_format \"{{ $y }}\" [1m])").evaluationProblems())
                .singleElement().extracting(ExprProblem::message).asString().endsWith("undefined variable \"$y\"");
    }

    @Test
    void isThreadSafe() {
        List<String> corpus = LogqlCorpus.all();
        List<String> sequential = corpus.stream().map(this::verdict).toList();
        List<String> parallel = corpus.parallelStream().map(this::verdict).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    private String verdict(String e) {
        List<ExprProblem> p = logql.checkQuery(e);
        return p.isEmpty() ? logql.parseQuery(e).canonical() : p.getFirst().toString();
    }
}
