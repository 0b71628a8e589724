package dev.rulesync.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A syntax checker for Go text/template as Prometheus uses it in alert labels and annotations: it finds what
 * Go's template parser rejects (unclosed actions, unbalanced if/range/with/end, unknown functions, undefined
 * variables, bad literals) without executing anything. Prometheus parses every template after a header that
 * declares {@code $labels}, {@code $externalLabels}, {@code $externalURL} and {@code $value}; those four are
 * therefore defined here too.
 */
public final class GoTemplateSyntax {

    /** Go's built-in template functions plus the ones Prometheus adds (template/template.go). */
    public static final Set<String> FUNCTIONS = Set.of(
            "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
            "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
            "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title",
            "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "humanize", "humanize1024",
            "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "toDuration", "now",
            "pathPrefix", "externalURL", "parseDuration", "stripPort", "stripDomain", "urlQueryEscape");

    public static final Set<String> PREDEFINED_VARIABLES = Set.of("$labels", "$value", "$externalLabels", "$externalURL");

    /** A syntax error, 1-based line and column inside the template text. */
    public record Error(int line, int column, String message) {
        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }

    private GoTemplateSyntax() {
    }

    public static Optional<Error> check(String text) {
        try {
            new Parser(text).parse();
            return Optional.empty();
        } catch (Fail f) {
            return Optional.of(f.error);
        }
    }

    /**
     * A use of the alert's data in a template: a label ({@code $labels.x}, {@code .Labels.x},
     * {@code index $labels "x"}) or the value ({@code $value}, {@code .Value}). Offsets are UTF-16 indexes into the
     * text; {@code bare} marks a value printed as is ({@code {{ $value }}}); {@code printed} is false inside an
     * {@code if}, {@code with} or {@code range} condition or a comparison, where it only picks between texts.
     */
    public record Use(boolean value, String label, int offset, int length, boolean bare, boolean printed) {
    }

    /** The uses of labels and of the value in a template; empty when it does not lex (the syntax check says why). */
    public static List<Use> uses(String text) {
        if (text.indexOf("{{") < 0) return List.of();
        List<Tok> t;
        try {
            t = new Lexer(text, new Parser(text)).run();
        } catch (Fail f) {
            return List.of();
        }
        List<Use> out = new ArrayList<>();
        boolean condition = false;
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.type == T.LEFT && i + 1 < t.size()) {
                Tok w = t.get(i + 1);
                condition = w.type == T.IDENT && Set.of("if", "else", "with", "range").contains(w.text);
            }
            boolean compared = i > 0 && t.get(i - 1).type == T.IDENT
                    && Set.of("eq", "ne", "lt", "le", "gt", "ge").contains(t.get(i - 1).text);
            Tok next = i + 1 < t.size() ? t.get(i + 1) : null;
            boolean chained = next != null && next.type == T.FIELD && !next.space;
            boolean labels = k.type == T.VAR && k.text.equals("$labels") || k.type == T.FIELD && k.text.equals(".Labels");
            if (labels && chained) {
                out.add(new Use(false, next.text.substring(1), next.offset + 1, next.text.length() - 1, false,
                        !condition));
                i++;
            } else if (k.type == T.IDENT && k.text.equals("index") && next != null
                    && (next.type == T.VAR && next.text.equals("$labels") || next.type == T.FIELD && next.text.equals(".Labels"))
                    && i + 2 < t.size() && t.get(i + 2).type == T.STRING && t.get(i + 2).text.length() >= 2) {
                Tok key = t.get(i + 2);
                out.add(new Use(false, key.text.substring(1, key.text.length() - 1), key.offset + 1,
                        key.text.length() - 2, false, !condition));
                i += 2;
            } else if (k.type == T.VAR && k.text.equals("$value") || k.type == T.FIELD && k.text.equals(".Value")) {
                boolean bare = i > 0 && t.get(i - 1).type == T.LEFT && next != null && next.type == T.RIGHT;
                out.add(new Use(true, null, k.offset, k.text.length(), bare, !condition && !compared));
            }
        }
        return out;
    }

    private static final class Fail extends RuntimeException {
        final Error error;

        Fail(Error error) {
            super(error.message, null, false, false);
            this.error = error;
        }
    }

    private enum T { TEXT, LEFT, RIGHT, IDENT, FIELD, VAR, DOT, STRING, NUMBER, CHAR, BOOL, NIL, LPAREN, RPAREN, PIPE,
        DECLARE, ASSIGN, COMMA, EOF }

    /** A token; {@code space} says whether white space preceded it (Go separates operands by space). */
    private record Tok(T type, String text, int offset, boolean space) {
        Tok(T type, String text, int offset) {
            this(type, text, offset, false);
        }
    }

    /** Splits the text into text runs and action tokens, the way Go's lexer does. */
    private static final class Lexer {
        private final String s;
        private final List<Tok> toks = new ArrayList<>();
        private final Parser owner;
        private int i;
        private boolean spaced;

        Lexer(String s, Parser owner) {
            this.s = s;
            this.owner = owner;
        }

        List<Tok> run() {
            while (i < s.length()) {
                int open = s.indexOf("{{", i);
                if (open < 0) {
                    toks.add(new Tok(T.TEXT, s.substring(i), i));
                    break;
                }
                if (open > i) toks.add(new Tok(T.TEXT, s.substring(i, open), i));
                i = open + 2;
                if (s.startsWith("- ", i) || s.startsWith("-\t", i) || s.startsWith("-\n", i) || s.startsWith("-\r", i)) i += 2;
                // a comment must follow the delimiter (and its trim marker) directly, as in Go
                if (s.startsWith("/*", i)) {
                    int close = s.indexOf("*/", i + 2);
                    if (close < 0) throw owner.fail(open, "unclosed comment");
                    int j = skipSpace(close + 2);
                    if (s.startsWith("-", j) && j > close + 2) j = skipSpace(j + 1);
                    if (!s.startsWith("}}", j)) throw owner.fail(close, "comment ends before closing delimiter");
                    i = j + 2;
                    continue;
                }
                toks.add(new Tok(T.LEFT, "{{", open));
                action(open);
            }
            toks.add(new Tok(T.EOF, "", s.length()));
            return toks;
        }

        private int skipSpace(int j) {
            while (j < s.length() && isSpace(s.charAt(j))) j++;
            return j;
        }

        private void add(T type, String text, int offset) {
            toks.add(new Tok(type, text, offset, spaced));
            spaced = false;
        }

        /** Go's lexer ends identifiers, fields and variables only at these characters. */
        private void terminator() {
            if (i >= s.length()) return;
            char c = s.charAt(i);
            if (isSpace(c) || ".,|:()".indexOf(c) >= 0 || s.startsWith("}}", i)) return;
            throw owner.fail(i, String.format("bad character U+%04X '%s'", (int) c, c));
        }

        private void action(int open) {
            int depth = 0;
            spaced = true;
            while (true) {
                if (i >= s.length()) throw owner.fail(open, "unclosed action");
                char c = s.charAt(i);
                if (isSpace(c)) {
                    int j = skipSpace(i);
                    if (s.startsWith("-}}", j) && j > i) {
                        toks.add(new Tok(T.RIGHT, "}}", j));
                        i = j + 3;
                        return;
                    }
                    i = j;
                    spaced = true;
                    continue;
                }
                if (s.startsWith("}}", i)) {
                    if (depth > 0) throw owner.fail(i, "unclosed left paren");
                    toks.add(new Tok(T.RIGHT, "}}", i));
                    i += 2;
                    return;
                }
                int start = i;
                switch (c) {
                    case '(' -> { depth++; i++; add(T.LPAREN, "(", start); }
                    case ')' -> {
                        if (depth == 0) throw owner.fail(i, "unexpected right paren");
                        depth--;
                        i++;
                        add(T.RPAREN, ")", start);
                    }
                    case '|' -> { i++; add(T.PIPE, "|", start); }
                    case ',' -> { i++; add(T.COMMA, ",", start); }
                    case '=' -> { i++; add(T.ASSIGN, "=", start); }
                    case ':' -> {
                        if (!s.startsWith(":=", i)) throw owner.fail(i, "expected :=");
                        i += 2;
                        add(T.DECLARE, ":=", start);
                    }
                    case '"' -> { quoted('"'); add(T.STRING, s.substring(start, i), start); }
                    case '`' -> {
                        int close = s.indexOf('`', i + 1);
                        if (close < 0) throw owner.fail(i, "unterminated raw quoted string");
                        i = close + 1;
                        add(T.STRING, s.substring(start, i), start);
                    }
                    case '\'' -> {
                        quoted('\'');
                        charConstant(start);
                        add(T.CHAR, s.substring(start, i), start);
                    }
                    case '$' -> {
                        i++;
                        while (i < s.length() && isAlnum(s.charAt(i))) i++;
                        terminator();
                        add(T.VAR, s.substring(start, i), start);
                    }
                    case '.' -> {
                        if (i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                            number();
                        } else if (i + 1 < s.length() && isAlnum(s.charAt(i + 1))) {
                            i++;
                            while (i < s.length() && isAlnum(s.charAt(i))) i++;
                            terminator();
                            add(T.FIELD, s.substring(start, i), start);
                        } else {
                            i++;
                            add(T.DOT, ".", start);
                        }
                    }
                    default -> {
                        if (c == '+' || c == '-' || Character.isDigit(c)) {
                            number();
                        } else if (isAlnum(c)) {
                            while (i < s.length() && isAlnum(s.charAt(i))) i++;
                            terminator();
                            String w = s.substring(start, i);
                            T t = w.equals("true") || w.equals("false") ? T.BOOL : w.equals("nil") ? T.NIL : T.IDENT;
                            add(t, w, start);
                        } else {
                            throw owner.fail(i, "unrecognized character in action: '" + c + "'");
                        }
                    }
                }
            }
        }

        private void number() {
            int start = i;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') i++;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                    || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E'
                    || s.charAt(i - 1) == 'p' || s.charAt(i - 1) == 'P')))) {
                i++;
            }
            String n = s.substring(start, i).replace("_", "");
            if (!n.matches("[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|0[xX][0-9a-fA-F]*\\.?[0-9a-fA-F]*[pP][+-]?\\d+)i?")) {
                throw owner.fail(start, "bad number syntax: \"" + s.substring(start, i) + "\"");
            }
            add(T.NUMBER, n, start);
        }

        /** A character constant holds one character or one escape sequence. */
        private void charConstant(int start) {
            String body = s.substring(start + 1, i - 1);
            boolean ok = body.startsWith("\\")
                    ? body.matches("\\\\([abfnrtv\\\\'\"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")
                    : body.codePointCount(0, body.length()) == 1;
            if (!ok) throw owner.fail(start, "malformed character constant: " + s.substring(start, i));
        }

        private void quoted(char q) {
            int start = i;
            i++;
            while (true) {
                if (i >= s.length() || s.charAt(i) == '\n') {
                    throw owner.fail(start, q == '"' ? "unterminated quoted string" : "unterminated character constant");
                }
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                i++;
                if (c == q) return;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean isAlnum(char c) {
            return c == '_' || Character.isLetterOrDigit(c);
        }
    }

    /** Recursive descent over the tokens, following text/template/parse: lists, control structures, pipelines. */
    private static final class Parser {
        private final String text;
        private List<Tok> toks;
        private int p;
        private final List<String> vars = new ArrayList<>(PREDEFINED_VARIABLES);
        private final Set<String> defined = new HashSet<>();
        private int rangeDepth;

        Parser(String text) {
            this.text = text;
        }

        Fail fail(int offset, String message) {
            int line = 1;
            int lineStart = 0;
            for (int k = 0; k < offset && k < text.length(); k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
            int col = text.codePointCount(lineStart, Math.min(offset, text.length())) + 1;
            return new Fail(new Error(line, col, message));
        }

        void parse() {
            toks = new Lexer(text, this).run();
            String end = list(Set.of());
            if (end != null) throw fail(toks.get(p).offset, "unexpected {{" + end + "}}");
        }

        private Tok peek() {
            return toks.get(p);
        }

        private Tok peek(int ahead) {
            return toks.get(Math.min(p + ahead, toks.size() - 1));
        }

        private Tok next() {
            return toks.get(p++);
        }

        /** Parses nodes until EOF or one of {@code stops} ({@code end}, {@code else}); returns the stop word. */
        private String list(Set<String> stops) {
            while (true) {
                Tok t = peek();
                if (t.type == T.EOF) {
                    if (!stops.isEmpty()) throw fail(t.offset, "unexpected EOF");
                    return null;
                }
                if (t.type == T.TEXT) {
                    p++;
                    continue;
                }
                // LEFT
                Tok word = peek(1);
                if (word.type == T.IDENT && (word.text.equals("end") || word.text.equals("else"))) {
                    if (!stops.contains(word.text)) throw fail(word.offset, "unexpected {{" + word.text + "}}");
                    p += 2;
                    return word.text;
                }
                action();
            }
        }

        private void action() {
            next(); // {{
            Tok t = peek();
            if (t.type == T.IDENT) {
                switch (t.text) {
                    case "if", "with" -> {
                        p++;
                        control(t.text, false);
                        return;
                    }
                    case "range" -> {
                        p++;
                        control("range", true);
                        return;
                    }
                    case "define" -> {
                        p++;
                        Tok name = expect(T.STRING, "define clause");
                        defined.add(name.text);
                        expect(T.RIGHT, "define clause");
                        int saved = vars.size();
                        String end = list(Set.of("end"));
                        expectRightAfter(end);
                        trim(saved);
                        return;
                    }
                    case "template" -> {
                        p++;
                        expect(T.STRING, "template clause");
                        if (peek().type != T.RIGHT) pipeline("template", false);
                        expect(T.RIGHT, "template clause");
                        return;
                    }
                    case "block" -> {
                        p++;
                        expect(T.STRING, "block clause");
                        pipeline("block", false);
                        int saved = vars.size();
                        String end = list(Set.of("end"));
                        expectRightAfter(end);
                        trim(saved);
                        return;
                    }
                    case "break", "continue" -> {
                        p++;
                        if (rangeDepth == 0) throw fail(t.offset, "{{" + t.text + "}} outside {{range}}");
                        expect(T.RIGHT, t.text);
                        return;
                    }
                    default -> {
                    }
                }
            }
            pipeline("command", false);
            expect(T.RIGHT, "command");
        }

        /** if / with / range: pipeline, list, optional else (or else if / else with), end. */
        private void control(String kind, boolean range) {
            int saved = vars.size();
            pipeline(kind, range);
            expect(T.RIGHT, kind);
            if (range) rangeDepth++;
            String end = list(Set.of("end", "else"));
            if (range) rangeDepth--;
            if (end.equals("else")) {
                Tok chained = peek();
                if (chained.type == T.IDENT && (chained.text.equals("if") || chained.text.equals("with"))
                        && !range && chained.text.equals(kind)) {
                    // {{else if ...}} is {{else}}{{if ...}}...{{end}} sharing the outer {{end}}
                    p++;
                    control(kind, false);
                    trim(saved);
                    return;
                }
                expect(T.RIGHT, "else");
                end = list(Set.of("end"));
            }
            expectRightAfter(end);
            trim(saved);
        }

        private void expectRightAfter(String word) {
            expect(T.RIGHT, word);
        }

        private void trim(int size) {
            while (vars.size() > size) vars.removeLast();
        }

        private Tok expect(T type, String context) {
            Tok t = peek();
            if (t.type != type) {
                String what = t.type == T.EOF ? "EOF" : t.type == T.RIGHT ? "}}" : "\"" + t.text + "\"";
                throw fail(t.offset, "unexpected " + what + " in " + context);
            }
            p++;
            return t;
        }

        /** [$x[, $y] := | $x =] command { | command } */
        private void pipeline(String context, boolean range) {
            int start = peek().offset;
            List<String> declared = new ArrayList<>();
            if (peek().type == T.VAR) {
                Tok v1 = peek();
                Tok after = peek(1);
                if (after.type == T.DECLARE || after.type == T.ASSIGN) {
                    p += 2;
                    // like Go's parser, `$x = ...` declares for the parse; only execution finds an unknown $x
                    declared.add(v1.text);
                } else if (after.type == T.COMMA && range) {
                    Tok v2 = peek(2);
                    Tok op = peek(3);
                    if (v2.type != T.VAR || (op.type != T.DECLARE && op.type != T.ASSIGN)) {
                        throw fail(after.offset, "too many declarations in " + context);
                    }
                    p += 4;
                    declared.add(v1.text);
                    declared.add(v2.text);
                }
            }
            if (peek().type == T.RIGHT || peek().type == T.EOF || peek().type == T.RPAREN) {
                throw fail(start, "missing value for " + context);
            }
            int stage = 1;
            while (true) {
                Tok first = peek();
                command();
                if (stage > 1 && (first.type == T.BOOL || first.type == T.DOT || first.type == T.NIL
                        || first.type == T.NUMBER || first.type == T.STRING || first.type == T.CHAR)) {
                    // the piped value becomes the last argument, which a constant cannot take
                    throw fail(first.offset, "non executable command in pipeline stage " + stage);
                }
                if (peek().type == T.PIPE) {
                    p++;
                    stage++;
                    // Go's parser lets a pipeline end with `|`: `{{ $value | }}` parses
                    if (peek().type == T.RIGHT || peek().type == T.RPAREN) break;
                    continue;
                }
                break;
            }
            vars.addAll(declared);
        }

        private void command() {
            int start = peek().offset;
            int operands = 0;
            while (true) {
                Tok t = peek();
                if (t.type == T.RIGHT || t.type == T.PIPE || t.type == T.RPAREN || t.type == T.EOF) break;
                if (operands > 0 && !t.space) throw fail(t.offset, "unexpected \"" + t.text + "\" in operand");
                operand();
                operands++;
            }
            if (operands == 0) throw fail(start, "missing value for command");
        }

        private void operand() {
            Tok t = next();
            switch (t.type) {
                case IDENT -> {
                    if (!FUNCTIONS.contains(t.text)) throw fail(t.offset, "function \"" + t.text + "\" not defined");
                }
                case VAR -> {
                    if (!vars.contains(t.text) && !t.text.equals("$")) {
                        throw fail(t.offset, "undefined variable \"" + t.text + "\"");
                    }
                }
                case LPAREN -> {
                    pipeline("parenthesized pipeline", false);
                    expect(T.RPAREN, "parenthesized pipeline");
                }
                case FIELD, DOT, STRING, NUMBER, CHAR, BOOL, NIL -> {
                }
                default -> throw fail(t.offset, "unexpected \"" + t.text + "\" in operand");
            }
            // a field chain may follow a variable, a field, or a parenthesized pipeline: $x.a.b, (index .m "k").c
            if (peek().type == T.FIELD && !peek().space) {
                switch (t.type) {
                    case DOT, BOOL, NIL, STRING, NUMBER, CHAR ->
                            throw fail(peek().offset, "unexpected . after term \"" + t.text + "\"");
                    default -> {
                    }
                }
            }
            while (peek().type == T.FIELD && !peek().space) p++;
        }

    }
}
