package dev.rulesync.validate.logql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a Go text/template the way template.Parse does for line_format and label_format: delimiters, comments,
 * actions and pipelines, control structures ({{if}} {{range}} {{with}} {{define}} {{block}} {{template}}
 * {{else}} {{end}} {{break}} {{continue}}), variables in scope, and functions that exist in Loki's template
 * function map. Loki only parses these templates when it runs the query, so these are evaluation errors.
 */
final class GoTemplate {

    /** text/template's built-in functions plus Loki's function map (pkg/logql/log/fmt.go, incl. its sprig subset). */
    static final Set<String> FUNCTIONS = Set.of(
            "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
            "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
            "ToLower", "ToUpper", "Replace", "Trim", "TrimLeft", "TrimRight", "TrimPrefix", "TrimSuffix",
            "TrimSpace", "regexReplaceAll", "regexReplaceAllLiteral", "count", "urldecode", "urlencode", "bytes",
            "duration", "duration_seconds", "unixEpochMillis", "unixEpochNanos", "toDateInZone", "unixToTime",
            "alignLeft", "alignRight", "__line__", "__timestamp__",
            "b64enc", "b64dec", "lower", "upper", "title", "trunc", "substr", "contains", "hasPrefix", "hasSuffix",
            "indent", "nindent", "replace", "repeat", "trim", "trimAll", "trimSuffix", "trimPrefix", "int",
            "float64", "add", "sub", "mul", "div", "mod", "addf", "subf", "mulf", "divf", "max", "min", "maxf",
            "minf", "ceil", "floor", "round", "fromJson", "date", "toDate", "now", "unixEpoch", "default");

    private static final Set<String> KEYWORDS = Set.of("block", "break", "continue", "define", "else", "end", "if",
            "range", "nil", "template", "with");

    private enum T {
        TEXT, LEFT, RIGHT, SPACE, IDENT, KEYWORD, FIELD, VARIABLE, STRING, CHAR, NUMBER, BOOL, DOT, PIPE, LPAREN,
        RPAREN, ASSIGN, DECLARE, COMMA, EOF
    }

    private record Item(T type, String val, int line) {
        String describe() {
            return switch (type) {
                case EOF -> "EOF";
                case KEYWORD -> "<" + val + ">";
                case SPACE -> "space";
                default -> "\"" + val + "\"";
            };
        }
    }

    private static final class TemplateError extends RuntimeException {
        TemplateError(String message) {
            super(message, null, false, false);
        }
    }

    private final String name;
    private final List<Item> items;
    private int pos;
    private final List<List<String>> vars = new ArrayList<>();
    private int rangeDepth;

    private GoTemplate(String name, List<Item> items) {
        this.name = name;
        this.items = items;
    }

    /** Null when Go would parse the template, else its error ("template: NAME:LINE: ..."). */
    static String validate(String template, String name) {
        try {
            List<Item> items = lex(template, name);
            new GoTemplate(name, items).parse();
            return null;
        } catch (TemplateError e) {
            return e.getMessage();
        }
    }

    // ---- lexer

    private static List<Item> lex(String s, String name) {
        List<Item> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            int open = s.indexOf("{{", i);
            int textEnd = open < 0 ? n : open;
            boolean trimBefore = open >= 0 && open + 3 < n + 1 && s.startsWith("{{- ", open)
                    || open >= 0 && (s.startsWith("{{-\t", open) || s.startsWith("{{-\n", open)
                    || s.startsWith("{{-\r", open));
            if (textEnd > i) out.add(new Item(T.TEXT, s.substring(i, textEnd), line));
            line += count(s, i, textEnd);
            if (open < 0) break;
            i = open + 2 + (trimBefore ? 2 : 0);
            int actionLine = line;
            // A comment fills the whole action.
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw err(name, actionLine, "unclosed comment");
                line += count(s, i, end);
                i = end + 2;
                if (s.startsWith(" -}}", i)) {
                    i += 4;
                } else if (s.startsWith("}}", i)) {
                    i += 2;
                } else {
                    throw err(name, actionLine, "comment ends before closing delimiter");
                }
                continue;
            }
            out.add(new Item(T.LEFT, "{{", line));
            int parens = 0;
            while (true) {
                if (i >= n) throw err(name, line, "unclosed action");
                if (s.startsWith("}}", i) || isTrimRight(s, i)) {
                    if (parens > 0) throw err(name, line, "unclosed left paren");
                    if (s.startsWith("}}", i)) {
                        i += 2;
                    } else {
                        line += count(s, i, i + 4);
                        i += 4;
                    }
                    out.add(new Item(T.RIGHT, "}}", line));
                    break;
                }
                char c = s.charAt(i);
                int start = i;
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    while (i < n && " \t\r\n".indexOf(s.charAt(i)) >= 0 && !isTrimRight(s, i)) i++;
                    if (i == start) {
                        // A space that starts " -}}".
                        continue;
                    }
                    line += count(s, start, i);
                    out.add(new Item(T.SPACE, " ", line));
                } else if (c == '=') {
                    i++;
                    out.add(new Item(T.ASSIGN, "=", line));
                } else if (c == ':') {
                    if (i + 1 >= n || s.charAt(i + 1) != '=') throw err(name, line, "expected :=");
                    i += 2;
                    out.add(new Item(T.DECLARE, ":=", line));
                } else if (c == '|') {
                    i++;
                    out.add(new Item(T.PIPE, "|", line));
                } else if (c == ',') {
                    i++;
                    out.add(new Item(T.COMMA, ",", line));
                } else if (c == '"') {
                    i++;
                    while (true) {
                        if (i >= n || s.charAt(i) == '\n') throw err(name, line, "unterminated quoted string");
                        char d = s.charAt(i++);
                        if (d == '\\') {
                            if (i >= n || s.charAt(i) == '\n') throw err(name, line, "unterminated quoted string");
                            i++;
                        } else if (d == '"') {
                            break;
                        }
                    }
                    String lit = s.substring(start, i);
                    try {
                        GoText.unquote(lit);
                    } catch (GoText.GoSyntaxException e) {
                        throw err(name, line, "invalid syntax");
                    }
                    out.add(new Item(T.STRING, lit, line));
                } else if (c == '`') {
                    int end = s.indexOf('`', i + 1);
                    if (end < 0) throw err(name, line, "unterminated raw quoted string");
                    line += count(s, i, end);
                    i = end + 1;
                    out.add(new Item(T.STRING, s.substring(start, i), line));
                } else if (c == '\'') {
                    i++;
                    while (true) {
                        if (i >= n || s.charAt(i) == '\n') throw err(name, line, "unterminated character constant");
                        char d = s.charAt(i++);
                        if (d == '\\') {
                            i++;
                        } else if (d == '\'') {
                            break;
                        }
                    }
                    out.add(new Item(T.CHAR, s.substring(start, i), line));
                } else if (c == '$') {
                    i++;
                    while (i < n && isAlnum(s.charAt(i))) i++;
                    if (i < n && !isTerminator(s, i)) throw err(name, line, "bad character " + quoteRune(s.charAt(i)));
                    out.add(new Item(T.VARIABLE, s.substring(start, i), line));
                } else if (c == '.') {
                    if (i + 1 < n && Character.isDigit(s.charAt(i + 1)) && !afterOperand(out)) {
                        i = number(s, i, name, line);
                        out.add(new Item(T.NUMBER, s.substring(start, i), line));
                    } else if (i + 1 < n && isAlnum(s.charAt(i + 1))) {
                        i++;
                        while (i < n && isAlnum(s.charAt(i))) i++;
                        if (i < n && !isTerminator(s, i)) {
                            throw err(name, line, "bad character " + quoteRune(s.charAt(i)));
                        }
                        out.add(new Item(T.FIELD, s.substring(start, i), line));
                    } else {
                        i++;
                        out.add(new Item(T.DOT, ".", line));
                    }
                } else if (c == '+' || c == '-' || Character.isDigit(c)) {
                    i = number(s, i, name, line);
                    out.add(new Item(T.NUMBER, s.substring(start, i), line));
                } else if (isAlnum(c)) {
                    while (i < n && isAlnum(s.charAt(i))) i++;
                    String word = s.substring(start, i);
                    if (i < n && !isTerminator(s, i)) {
                        throw err(name, line, "bad character " + quoteRune(s.charAt(i)));
                    }
                    T t = KEYWORDS.contains(word) ? T.KEYWORD
                            : word.equals("true") || word.equals("false") ? T.BOOL : T.IDENT;
                    out.add(new Item(t, word, line));
                } else if (c == '(') {
                    i++;
                    parens++;
                    out.add(new Item(T.LPAREN, "(", line));
                } else if (c == ')') {
                    i++;
                    parens--;
                    if (parens < 0) throw err(name, line, "unexpected right paren");
                    out.add(new Item(T.RPAREN, ")", line));
                } else {
                    throw err(name, line, "unrecognized character in action: " + quoteRune(c));
                }
            }
        }
        out.add(new Item(T.EOF, "", line));
        return out;
    }

    private static boolean afterOperand(List<Item> out) {
        if (out.isEmpty()) return false;
        T t = out.getLast().type;
        return t == T.RPAREN || t == T.FIELD || t == T.VARIABLE || t == T.IDENT;
    }

    private static boolean isTrimRight(String s, int i) {
        return (s.startsWith(" -}}", i) || s.startsWith("\t-}}", i) || s.startsWith("\n-}}", i)
                || s.startsWith("\r-}}", i));
    }

    private static boolean isTerminator(String s, int i) {
        char c = s.charAt(i);
        return " \t\r\n.,|:)(".indexOf(c) >= 0 || s.startsWith("}}", i);
    }

    private static int number(String s, int i, String name, int line) {
        int start = i;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        while (i < n && (isAlnum(s.charAt(i)) || s.charAt(i) == '.'
                || ((s.charAt(i) == '+' || s.charAt(i) == '-') && "eEpP".indexOf(s.charAt(i - 1)) >= 0))) {
            i++;
        }
        String lit = s.substring(start, i);
        if (!lit.matches("[+-]?(0[xX][0-9a-fA-F_]*\\.?[0-9a-fA-F_]*([pP][+-]?[0-9_]+)?|0[oObB][0-9_]+"
                + "|[0-9_]*\\.?[0-9_]*([eE][+-]?[0-9_]+)?)i?") || !lit.matches(".*[0-9].*")) {
            throw err(name, line, "bad number syntax: \"" + lit + "\"");
        }
        return i;
    }

    private static boolean isAlnum(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static int count(String s, int from, int to) {
        int c = 0;
        for (int i = from; i < to && i < s.length(); i++) if (s.charAt(i) == '\n') c++;
        return c;
    }

    private static String quoteRune(char c) {
        return String.format("U+%04X '%c'", (int) c, c);
    }

    private static TemplateError err(String name, int line, String msg) {
        return new TemplateError("template: " + name + ":" + line + ": " + msg);
    }

    // ---- parser

    private Item peek() {
        return items.get(pos);
    }

    private Item next() {
        return items.get(pos++);
    }

    private Item nextNonSpace() {
        Item it = next();
        while (it.type == T.SPACE) it = next();
        return it;
    }

    private Item peekNonSpace() {
        int p = pos;
        while (items.get(p).type == T.SPACE) p++;
        return items.get(p);
    }

    private TemplateError error(Item at, String msg) {
        return err(name, at.line, msg);
    }

    private void parse() {
        vars.add(new ArrayList<>(List.of("$")));
        while (peek().type != T.EOF) {
            if (peek().type == T.LEFT) {
                int save = pos;
                next();
                Item k = nextNonSpace();
                if (k.type == T.KEYWORD && k.val.equals("define")) {
                    define(k);
                    continue;
                }
                pos = save;
            }
            Item end = textOrAction();
            if (end != null) throw error(end, "unexpected " + (end.val.equals("end") ? "{{end}}" : "{{else}}"));
        }
    }

    private void define(Item at) {
        Item nameTok = nextNonSpace();
        if (nameTok.type != T.STRING) throw error(nameTok, "unexpected " + nameTok.describe() + " in define clause");
        expectRight("define clause");
        List<List<String>> saved = new ArrayList<>(vars);
        vars.clear();
        vars.add(new ArrayList<>(List.of("$")));
        Item end = itemList();
        if (!end.val.equals("end")) throw error(end, "unexpected {{else}} in define clause");
        vars.clear();
        vars.addAll(saved);
    }

    /** Parses list items until {{end}} or {{else}}; returns that keyword item. */
    private Item itemList() {
        while (true) {
            if (peek().type == T.EOF) throw error(peek(), "unexpected EOF");
            Item end = textOrAction();
            if (end != null) return end;
        }
    }

    /** Returns the keyword item when the action was {{end}} or {{else...}}, else null. */
    private Item textOrAction() {
        Item it = next();
        if (it.type == T.TEXT) return null;
        if (it.type != T.LEFT) throw error(it, "unexpected " + it.describe() + " in input");
        Item k = nextNonSpace();
        if (k.type == T.KEYWORD) {
            switch (k.val) {
                case "block" -> {
                    Item nameTok = nextNonSpace();
                    if (nameTok.type != T.STRING) throw error(nameTok, "unexpected " + nameTok.describe()
                            + " in block clause");
                    pipeline("block", T.RIGHT);
                    control(k, false);
                    return null;
                }
                case "break", "continue" -> {
                    if (rangeDepth == 0) throw error(k, "{{" + k.val + "}} outside {{range}}");
                    expectRight(k.val);
                    return null;
                }
                case "else", "end" -> {
                    if (k.val.equals("end")) expectRight("end");
                    return k;
                }
                case "if", "with" -> {
                    pushScope();
                    pipeline(k.val, T.RIGHT);
                    control(k, true);
                    return null;
                }
                case "range" -> {
                    pushScope();
                    pipeline("range", T.RIGHT);
                    rangeDepth++;
                    control(k, true);
                    rangeDepth--;
                    return null;
                }
                case "template" -> {
                    Item nameTok = nextNonSpace();
                    if (nameTok.type != T.STRING) {
                        throw error(nameTok, "unexpected " + nameTok.describe() + " in template clause");
                    }
                    if (peekNonSpace().type != T.RIGHT) {
                        pipeline("template", T.RIGHT);
                    } else {
                        nextNonSpace();
                    }
                    return null;
                }
                default -> {
                    // nil and define fall through to a pipeline, where they are errors.
                }
            }
        }
        pos--;
        while (items.get(pos - 1).type == T.SPACE) pos--;
        pipeline("command", T.RIGHT);
        return null;
    }

    private void pushScope() {
        vars.add(new ArrayList<>());
    }

    private void popScope() {
        vars.removeLast();
    }

    /** The list of an if/with/range/block, its else branches, and {{end}}; pops the scope pushed by the caller. */
    private void control(Item kind, boolean scoped) {
        Item end = itemList();
        while (end.val.equals("else")) {
            Item after = peekNonSpace();
            if (after.type == T.KEYWORD && (after.val.equals("if") || after.val.equals("with"))) {
                nextNonSpace();
                pipeline(after.val, T.RIGHT);
            } else {
                expectRight("else");
            }
            end = itemList();
        }
        if (scoped) popScope();
    }

    private void expectRight(String context) {
        Item it = nextNonSpace();
        if (it.type != T.RIGHT) throw error(it, "unexpected " + it.describe() + " in " + context);
    }

    private void pipeline(String context, T end) {
        // Declarations: $x := or $x = (and $i, $e := in range).
        Item first = peekNonSpace();
        if (first.type == T.VARIABLE) {
            int save = pos;
            nextNonSpace();
            Item after = peekNonSpace();
            if (after.type == T.DECLARE || after.type == T.ASSIGN) {
                nextNonSpace();
                // Go's parser records the variable for "=" as for ":=" (an undefined one fails only when run).
                vars.getLast().add(first.val);
            } else if (after.type == T.COMMA && context.equals("range")) {
                nextNonSpace();
                Item second = nextNonSpace();
                if (second.type != T.VARIABLE) throw error(second, "range can only initialize variables");
                Item decl = nextNonSpace();
                if (decl.type != T.DECLARE && decl.type != T.ASSIGN) {
                    throw error(decl, "range can only initialize variables");
                }
                vars.getLast().add(first.val);
                vars.getLast().add(second.val);
            } else {
                pos = save;
            }
        }
        int commands = 0;
        List<T> firstArgs = new ArrayList<>();
        while (true) {
            Item it = nextNonSpace();
            if (it.type == end) {
                if (commands == 0) throw error(it, "missing value for " + context);
                for (int k = 1; k < firstArgs.size(); k++) {
                    T t = firstArgs.get(k);
                    if (t == T.BOOL || t == T.DOT || t == T.NUMBER || t == T.STRING || t == T.CHAR
                            || (t == T.KEYWORD)) {
                        throw error(it, "non executable command in pipeline stage " + (k + 1));
                    }
                }
                return;
            }
            switch (it.type) {
                case BOOL, CHAR, DOT, FIELD, IDENT, NUMBER, KEYWORD, STRING, VARIABLE, LPAREN -> {
                    pos--;
                    firstArgs.add(command(end));
                    commands++;
                }
                default -> throw error(it, "unexpected " + it.describe() + " in " + context);
            }
        }
    }

    /** One command: operands until '|' or the end; returns the kind of its first operand. */
    private T command(T end) {
        T first = null;
        while (true) {
            Item it = peekNonSpace();
            if (it.type == T.PIPE) {
                nextNonSpace();
                if (first == null) throw error(it, "missing value for command");
                return first;
            }
            if (it.type == end || it.type == T.RPAREN && end != T.RPAREN) {
                if (first == null) throw error(it, "empty command");
                return first;
            }
            T kind = operand();
            if (first == null) {
                first = kind;
            }
            Item after = peek();
            if (after.type != T.SPACE && after.type != T.PIPE && after.type != end
                    && !(after.type == T.RPAREN && end == T.RPAREN)) {
                throw error(after, "unexpected " + after.describe() + " in operand");
            }
        }
    }

    private T operand() {
        Item it = nextNonSpace();
        T kind = it.type;
        switch (it.type) {
            case IDENT -> {
                if (!FUNCTIONS.contains(it.val)) throw error(it, "function \"" + it.val + "\" not defined");
            }
            case KEYWORD -> {
                if (!it.val.equals("nil")) throw error(it, "unexpected " + it.describe() + " in operand");
            }
            case VARIABLE -> useVar(it);
            case LPAREN -> {
                pipeline("parenthesized pipeline", T.RPAREN);
            }
            case BOOL, CHAR, DOT, FIELD, NUMBER, STRING -> {
            }
            default -> throw error(it, "unexpected " + it.describe() + " in operand");
        }
        // Field chains: (x).a.b, $x.a
        while (peek().type == T.FIELD) {
            if (kind == T.BOOL || kind == T.NUMBER || kind == T.STRING || kind == T.CHAR || kind == T.KEYWORD
                    || kind == T.DOT) {
                throw error(peek(), "unexpected . after term " + it.describe());
            }
            next();
        }
        return kind;
    }

    private void useVar(Item v) {
        String base = v.val;
        for (List<String> scope : vars) {
            if (scope.contains(base)) return;
        }
        throw error(v, "undefined variable \"" + base + "\"");
    }
}
