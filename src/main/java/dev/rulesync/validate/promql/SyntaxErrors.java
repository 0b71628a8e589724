package dev.rulesync.validate.promql;

import dev.rulesync.gosyntax.GoStrconv;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns the first ANTLR syntax error into a Prometheus-worded message ("unexpected &lt;by&gt; in aggregation",
 * "unexpected end of input inside braces", "unterminated quoted string", ...) and stops the parse: like
 * Prometheus, we report one syntax error, at the offending token.
 */
final class SyntaxErrors extends BaseErrorListener {

    /** Carries the first syntax error out of the parser. */
    static final class Stop extends ParseCancellationException {
        final transient ParseError error;

        Stop(ParseError error) {
            super(error.message(), null);
            this.error = error;
        }
    }

    private final String input;

    SyntaxErrors(String input) {
        this.input = input;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Token t = (Token) offendingSymbol;
        ParserRuleContext ctx = null;
        Token previous = null;
        if (recognizer instanceof Parser p) {
            ctx = p.getContext();
            int i = t.getTokenIndex();
            if (i > 0) previous = p.getTokenStream().get(i - 1);
            if (t.getType() != Token.EOF && insideGroupModifierLabels(p.getTokenStream(), i)) {
                boolean afterLabel = previous != null && previous.getType() != PromQLLexer.LEFT_PAREN
                        && previous.getType() != PromQLLexer.COMMA;
                int start = Math.max(0, t.getStartIndex());
                throw new Stop(new ParseError(start, Math.max(start, t.getStopIndex() + 1), "unexpected " + describe(t)
                        + " in grouping opts, expected " + (afterLabel ? "\",\" or \")\"" : "label")));
            }
        }
        throw new Stop(describe(t, ctx, previous));
    }

    ParseError describe(Token t, ParserRuleContext ctx, Token previous) {
        int start = Math.max(0, t.getStartIndex());
        int end = Math.max(start, t.getStopIndex() + 1);
        String text = t.getText();
        switch (t.getType()) {
            case PromQLLexer.ERROR_CHAR -> {
                if (text.equals("!")) {
                    int next = start + 1 < length() ? codePointAt(start + 1).codePointAt(0) : -1; // -1: the end
                    return new ParseError(start, end, "unexpected character after '!': " + GoStrconv.quoteRune(next));
                }
                return new ParseError(start, end, "unexpected character: " + GoStrconv.quoteRune(text.codePointAt(0)));
            }
            case PromQLLexer.BRACE_ERROR_CHAR -> {
                if (text.equals("{")) return new ParseError(start, end, "unexpected left brace '{'");
                return new ParseError(start, end, "unexpected character inside braces: " + GoStrconv.quoteRune(text.codePointAt(0)));
            }
            case PromQLLexer.BRACKET_ERROR_CHAR -> {
                if (text.equals("[")) return new ParseError(start, end, "unexpected left bracket '['");
                return new ParseError(start, end, "unexpected character in duration expression: " + GoStrconv.quoteRune(text.codePointAt(0)));
            }
            case PromQLLexer.BAD_NUMBER -> {
                return new ParseError(start, end, "bad number or duration syntax: " + GoStrconv.quote(text));
            }
            case PromQLLexer.UNTERMINATED_STRING -> {
                return new ParseError(start, length(),
                        text.startsWith("`") ? "unterminated raw string" : "unterminated quoted string");
            }
            case PromQLLexer.STRAY_RIGHT_BRACKET -> {
                return new ParseError(start, end, "unexpected right bracket ']'");
            }
            case PromQLLexer.STRAY_RIGHT_BRACE -> {
                return new ParseError(start, end, "unexpected character: '}'");
            }
            case PromQLLexer.EQL -> {
                if (start + 1 < length() && codePointAt(start + 1).equals("~")) {
                    return new ParseError(start, end, "unexpected character after '=': '~'");
                }
            }
            case PromQLLexer.COLON -> {
                if (previous != null && previous.getType() == PromQLLexer.LEFT_BRACKET) {
                    return new ParseError(end, end, "unexpected colon before duration in duration expression");
                }
                if (previous != null && previous.getType() == PromQLLexer.COLON) {
                    return new ParseError(start, end, "unexpected colon ':'");
                }
            }
            case Token.EOF -> {
                if (t.getTokenIndex() == 0) return new ParseError(0, 0, "no expression found in input");
                String unclosed = unclosed(previous);
                if (unclosed != null) return new ParseError(start, end, unclosed);
            }
            default -> { }
        }
        if (t.getType() == PromQLLexer.RIGHT_PAREN && depthBefore(t) <= 0) {
            // Prometheus' lexer reports this after consuming the ')'.
            return new ParseError(end, end, "unexpected right parenthesis ')'");
        }
        StringBuilder m = new StringBuilder("unexpected ").append(describe(t));
        String context = context(ctx, t, previous);
        if (context != null) m.append(" in ").append(context);
        return new ParseError(start, end, m.toString());
    }

    private int length() {
        return input.codePointCount(0, input.length());
    }

    private String codePointAt(int cpIndex) {
        int i = input.offsetByCodePoints(0, cpIndex);
        return new String(Character.toChars(input.codePointAt(i)));
    }

    /** Whether token i sits inside the parentheses right after group_left/group_right (Prometheus: label list). */
    private static boolean insideGroupModifierLabels(org.antlr.v4.runtime.TokenStream tokens, int i) {
        int depth = 0;
        for (int k = i - 1; k > 0; k--) {
            int type = tokens.get(k).getType();
            if (type == PromQLLexer.RIGHT_PAREN) {
                depth++;
            } else if (type == PromQLLexer.LEFT_PAREN) {
                if (depth == 0) {
                    int before = tokens.get(k - 1).getType();
                    return before == PromQLLexer.GROUP_LEFT || before == PromQLLexer.GROUP_RIGHT;
                }
                depth--;
            }
        }
        return false;
    }

    /** Item.desc() in lex.go. */
    static String describe(Token t) {
        String text = t.getText();
        return switch (t.getType()) {
            case Token.EOF -> "end of input";
            case PromQLLexer.IDENTIFIER -> "identifier " + GoStrconv.quote(text);
            case PromQLLexer.METRIC_IDENTIFIER -> "metric identifier " + GoStrconv.quote(text);
            case PromQLLexer.STRING -> "string " + truncatedQuote(text);
            case PromQLLexer.NUMBER -> "number " + truncatedQuote(text);
            case PromQLLexer.DURATION -> "duration " + truncatedQuote(text);
            case PromQLLexer.ADD, PromQLLexer.SUB, PromQLLexer.MUL, PromQLLexer.DIV, PromQLLexer.MOD, PromQLLexer.POW,
                 PromQLLexer.EQLC, PromQLLexer.NEQ, PromQLLexer.LTE, PromQLLexer.LSS, PromQLLexer.GTE,
                 PromQLLexer.GTR, PromQLLexer.TRIM_UPPER, PromQLLexer.TRIM_LOWER, PromQLLexer.EQL_REGEX,
                 PromQLLexer.NEQ_REGEX, PromQLLexer.AT, PromQLLexer.LAND, PromQLLexer.LOR, PromQLLexer.LUNLESS,
                 PromQLLexer.ATAN2 -> "<op:" + text + ">";
            case PromQLLexer.SUM, PromQLLexer.AVG, PromQLLexer.COUNT, PromQLLexer.MIN, PromQLLexer.MAX,
                 PromQLLexer.GROUP, PromQLLexer.STDDEV, PromQLLexer.STDVAR, PromQLLexer.TOPK, PromQLLexer.BOTTOMK,
                 PromQLLexer.COUNT_VALUES, PromQLLexer.QUANTILE, PromQLLexer.LIMITK, PromQLLexer.LIMIT_RATIO ->
                    "<aggr:" + text + ">";
            case PromQLLexer.BOOL, PromQLLexer.BY, PromQLLexer.GROUP_LEFT, PromQLLexer.GROUP_RIGHT, PromQLLexer.FILL,
                 PromQLLexer.FILL_LEFT, PromQLLexer.FILL_RIGHT, PromQLLexer.IGNORING, PromQLLexer.OFFSET,
                 PromQLLexer.SMOOTHED, PromQLLexer.ANCHORED, PromQLLexer.ON, PromQLLexer.WITHOUT ->
                    "<" + text + ">";
            default -> GoStrconv.quote(text);
        };
    }

    /** Go's %.10q... for long values. */
    private static String truncatedQuote(String text) {
        if (text.codePointCount(0, text.length()) > 10) {
            return GoStrconv.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
        }
        return GoStrconv.quote(text);
    }

    /** The yacc grammar's error contexts ("in label matching, expected string", ...), from rule and previous token. */
    private static String context(ParserRuleContext ctx, Token offending, Token previous) {
        int prev = previous == null ? -1 : previous.getType();
        boolean atEnd = offending.getType() == Token.EOF;
        switch (prev) {
            case PromQLLexer.ON, PromQLLexer.IGNORING, PromQLLexer.GROUP_LEFT, PromQLLexer.GROUP_RIGHT -> {
                return "grouping opts, expected \"(\"";
            }
            case PromQLLexer.BY, PromQLLexer.WITHOUT -> {
                if (atEnd) return "grouping opts, expected \"(\"";
            }
            case PromQLLexer.OFFSET -> {
                if (atEnd) return "offset, expected number, duration, step(), or range()";
            }
            case PromQLLexer.AT -> {
                return "@, expected timestamp";
            }
            case PromQLLexer.LEFT_BRACKET -> {
                return "subquery or range selector, expected number, duration, step(), or range()";
            }
            case PromQLLexer.COLON -> {
                return "subquery selector, expected number, duration, step(), range(), or \"]\"";
            }
            default -> { }
        }
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            switch (c.getRuleIndex()) {
                case PromQLParser.RULE_labelMatchers, PromQLParser.RULE_labelMatcher -> {
                    return switch (prev) {
                        case PromQLLexer.LEFT_BRACE, PromQLLexer.COMMA -> "label matching, expected identifier or \"}\"";
                        case PromQLLexer.EQL, PromQLLexer.NEQ, PromQLLexer.EQL_REGEX, PromQLLexer.NEQ_REGEX ->
                                "label matching, expected string";
                        case PromQLLexer.IDENTIFIER -> "label matching, expected label matching operator";
                        case PromQLLexer.STRING -> "label matching, expected \",\" or \"}\"";
                        default -> "label matching";
                    };
                }
                case PromQLParser.RULE_groupingLabels, PromQLParser.RULE_groupingLabel -> {
                    return switch (prev) {
                        case PromQLLexer.LEFT_PAREN, PromQLLexer.COMMA -> "grouping opts, expected label";
                        default -> "grouping opts, expected \",\" or \")\"";
                    };
                }
                case PromQLParser.RULE_offsetDuration -> {
                    return "offset, expected number, duration, step(), or range()";
                }
                case PromQLParser.RULE_atModifier -> {
                    return "@, expected timestamp";
                }
                case PromQLParser.RULE_durationExpr -> {
                    return "subquery or range, expected \":\" or \"]\"";
                }
                case PromQLParser.RULE_callBody -> {
                    return null;
                }
                case PromQLParser.RULE_expr -> {
                    if (c instanceof PromQLParser.AggregateExprContext) return "aggregation";
                    return null;
                }
                default -> { }
            }
        }
        return null;
    }

    /** At end of input: what Prometheus' lexer says about unclosed ( [ {. */
    private String unclosed(Token previous) {
        int paren = 0;
        boolean bracket = false;
        boolean brace = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int j = input.indexOf(c, i + 1);
                while (c != '`' && j > 0 && input.charAt(j - 1) == '\\') j = input.indexOf(c, j + 1);
                if (j < 0) return null;
                i = j;
            } else if (c == '#') {
                int j = input.indexOf('\n', i);
                if (j < 0) break;
                i = j;
            } else if (c == '(') paren++;
            else if (c == ')') paren--;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (c == '{') brace = true;
            else if (c == '}') brace = false;
        }
        if (brace) return "unexpected end of input inside braces";
        if (bracket) {
            return previous != null && previous.getType() == PromQLLexer.LEFT_BRACKET
                    ? "unexpected end of input in duration expression" : "unclosed left bracket";
        }
        if (paren > 0) return "unclosed left parenthesis";
        return null;
    }

    private int depthBefore(Token t) {
        int depth = 0;
        int limit = Math.min(t.getStartIndex(), input.length());
        for (int i = 0; i < limit; i++) {
            char c = input.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        return depth;
    }
}
