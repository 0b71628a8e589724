package dev.rulesync.source;

import dev.rulesync.model.Position;
import dev.rulesync.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expression locator must send a place inside the expression text to the same characters in the file, for
 * every scalar style. Each case finds the marker {@code bad_token} in the loaded expression and checks that the
 * file holds that marker at the mapped position.
 */
class ScalarLocatorTest {

    private static Rule onlyRule(String yaml) {
        LoadResult r = new RuleFileLoader().load("t.yaml", yaml);
        assertThat(r.problems()).isEmpty();
        assertThat(r.objects()).hasSize(1);
        assertThat(r.objects().getFirst().problems()).isEmpty();
        return r.objects().getFirst().object().groups().getFirst().rules().getFirst();
    }

    /** (line, column) of {@code needle} inside {@code text}, 1-based, columns in code points. */
    private static int[] lineCol(String text, String needle) {
        int idx = text.indexOf(needle);
        assertThat(idx).as("marker in %s", text).isNotNegative();
        String before = text.substring(0, idx);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        return new int[]{line, lastLine.codePointCount(0, lastLine.length()) + 1};
    }

    private static String at(String yaml, Position p) {
        List<String> lines = yaml.lines().toList();
        String line = lines.get(p.line() - 1);
        int offset = line.offsetByCodePoints(0, p.column() - 1);
        return line.substring(offset);
    }

    private static void assertMarkerMaps(String yaml) {
        Rule rule = onlyRule(yaml);
        int[] lc = lineCol(rule.expr(), "bad_token");
        Position p = rule.origin().exprLocator().locate(lc[0], lc[1]);
        assertThat(p.file()).isEqualTo("t.yaml");
        assertThat(at(yaml, p)).startsWith("bad_token");
    }

    private static String doc(String exprPart) {
        return "groups:\n- name: g\n  rules:\n  - record: r\n    expr: " + exprPart + "\n";
    }

    @Test
    void plainSingleLine() {
        String yaml = doc("sum(rate(x[5m])) + bad_token");
        assertMarkerMaps(yaml);
        Position p = onlyRule(yaml).origin().exprLocator().locate(1, 1);
        assertThat(p).isEqualTo(new Position("t.yaml", 5, 11));
    }

    @Test
    void plainMultiLineIsFolded() {
        assertMarkerMaps(doc("sum(x)\n      +\n\n      on() bad_token"));
    }

    @Test
    void singleQuotedWithEscapedQuotes() {
        assertMarkerMaps(doc("'x{a=''b''} / é  bad_token'"));
    }

    @Test
    void singleQuotedFolded() {
        assertMarkerMaps(doc("'x   \n      +  y\n\n\n      bad_token'"));
    }

    @Test
    void doubleQuotedWithEscapes() {
        assertMarkerMaps(doc("\"x{a=\\\"b\\\\c\\\"} \\u00e9\\t bad_token\""));
    }

    @Test
    void doubleQuotedEscapedLineBreak() {
        assertMarkerMaps(doc("\"sum(x) \\\n      + y \n      bad_token\""));
    }

    @Test
    void literalBlock() {
        String yaml = doc("|\n      sum(rate(x[5m]))\n\n        / 2\n      > bad_token\n");
        assertMarkerMaps(yaml);
        assertThat(onlyRule(yaml).origin().exprLocator().locate(3, 3)).isEqualTo(new Position("t.yaml", 8, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"|-", "|+", "|2", "|2-", "|-2", ">", ">-", ">+", ">2", ">-2"})
    void blockHeaders(String header) {
        // the explicit indentation indicator is relative to the parent (the rule mapping at column 4)
        assertMarkerMaps(doc(header + "\n      sum(x)\n      + y\n\n        on() z\n      bad_token\n\n"));
    }

    @Test
    void foldedBlockJoinsLines() {
        String yaml = doc(">\n      sum(x)\n      > bad_token\n");
        Rule r = onlyRule(yaml);
        assertThat(r.expr()).isEqualTo("sum(x) > bad_token\n");
        assertMarkerMaps(yaml);
        // the space that folding makes points at the line break it came from
        assertThat(r.origin().exprLocator().locate(1, 7)).isEqualTo(new Position("t.yaml", 6, 13));
    }

    @Test
    void literalWithLeadingIndentedLineUsesIndicator() {
        assertMarkerMaps(doc("|2\n        indented\n      bad_token\n"));
    }

    @Test
    void pastTheEndPointsAfterTheLastCharacter() {
        String yaml = doc("\"up ==\"");
        Rule r = onlyRule(yaml);
        // the parser reports "unexpected end of input" one past the last character
        assertThat(r.origin().exprLocator().locate(1, 6)).isEqualTo(new Position("t.yaml", 5, 17));
    }

    @Test
    void integerExpr() {
        Rule r = onlyRule("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: a}\n"
                + "spec:\n  groups:\n  - name: g\n    rules:\n    - alert: A\n      expr: 1\n");
        assertThat(r.expr()).isEqualTo("1");
        assertThat(r.origin().exprLocator().locate(1, 1)).isEqualTo(new Position("t.yaml", 9, 13));
    }

    @Test
    void crlfLineEndings() {
        assertMarkerMaps(doc("|\r\n      sum(x)\r\n      > bad_token\r\n").replace("\n", "\r\n").replace("\r\r", "\r"));
    }
}
