package dev.rulesync.validate.logql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words syntax errors as Loki's generated parser does: "syntax error: unexpected X, expecting Y or Z". */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    /** Loki names tokens that have a fixed spelling by that spelling, the others by their grammar name. */
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        String[][] spelled = {
                {"COMMA", ","}, {"DOT", "."}, {"OPEN_BRACE", "{"}, {"CLOSE_BRACE", "}"}, {"EQ", "="}, {"NEQ", "!="},
                {"RE", "=~"}, {"NRE", "!~"}, {"NPA", "!>"}, {"PIPE_EXACT", "|="}, {"PIPE_MATCH", "|~"},
                {"PIPE_PATTERN", "|>"}, {"PIPE", "|"}, {"UNWRAP", "unwrap"}, {"OPEN_PARENTHESIS", "("},
                {"CLOSE_PARENTHESIS", ")"}, {"BY", "by"}, {"WITHOUT", "without"}, {"BOOL", "bool"},
                {"OPEN_BRACKET", "["}, {"CLOSE_BRACKET", "]"}, {"LABEL_REPLACE", "label_replace"},
                {"OFFSET", "offset"}, {"ON", "on"}, {"IGNORING", "ignoring"}, {"GROUP_LEFT", "group_left"},
                {"GROUP_RIGHT", "group_right"}, {"OR", "or"}, {"AND", "and"}, {"UNLESS", "unless"}, {"ADD", "+"},
                {"SUB", "-"}, {"MUL", "*"}, {"DIV", "/"}, {"MOD", "%"}, {"POW", "^"}, {"CMP_EQ", "=="},
                {"GT", ">"}, {"GTE", ">="}, {"LT", "<"}, {"LTE", "<="}, {"JSON", "json"}, {"REGEXP", "regexp"},
                {"LOGFMT", "logfmt"}, {"UNPACK", "unpack"}, {"PATTERN", "pattern"}, {"LABEL_FMT", "label_format"},
                {"LINE_FMT", "line_format"}, {"IP", "ip"}, {"DECOLORIZE", "decolorize"}, {"DROP", "drop"},
                {"KEEP", "keep"}, {"VARIANTS", "variants"}, {"OF", "of"}};
        for (String[] s : spelled) {
            for (int t = 1; t <= LogQLParser.VOCABULARY.getMaxTokenType(); t++) {
                if (s[0].equals(LogQLParser.VOCABULARY.getSymbolicName(t))) NAMES.put(t, s[1]);
            }
        }
    }

    static String tokenName(int type) {
        if (type == Token.EOF) return "$end";
        String n = NAMES.get(type);
        return n != null ? n : LogQLParser.VOCABULARY.getSymbolicName(type);
    }

    static String tokenName(Token t) {
        return tokenName(t.getType());
    }

    /** Like Loki (and Bison), the expected tokens are listed only when there are at most four. */
    static String unexpected(Token offending, IntervalSet expected) {
        StringBuilder sb = new StringBuilder("syntax error: unexpected ").append(tokenName(offending));
        // Where the input could end, Loki's parser could also continue with any binary operator and lists nothing.
        if (expected != null && !expected.isNil() && !expected.contains(Token.EOF)) {
            List<Integer> types = expected.toList();
            if (types.size() <= 4) {
                for (int i = 0; i < types.size(); i++) {
                    sb.append(i == 0 ? ", expecting " : " or ").append(tokenName(types.get(i)));
                }
            }
        }
        return sb.toString();
    }
}
