package dev.rulesync.gosyntax;

import dev.rulesync.gosyntax.GoTemplateLexer.Item;
import dev.rulesync.gosyntax.GoTemplateLexer.T;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Go's text/template parser, for checking templates without running them: {@code template.New(name).Funcs(f)
 * .Parse(header + text)} gives the same verdict and message. Prometheus (and Mimir's ruler) parse alert labels and
 * annotations this way after a header declaring {@code $labels} and friends; Loki parses line_format and
 * label_format templates with its own functions. The known functions differ, so they come with the {@link Env}.
 *
 * <p>The parser follows text/template/parse closely (its three-token look-ahead decides which line Go reports), but
 * Java's stack is small where Go's grows: actions and parentheses may nest {@value #MAX_DEPTH} levels deep, and a
 * deeper template is reported as a problem at its place, not parsed.
 */
public final class GoTemplate {

    /** How deep actions ({{if}}, {{range}}, {{else if}}, ...) and parentheses may nest. */
    public static final int MAX_DEPTH = 100;

    /** text/template's built-in functions, known to every template. */
    public static final Set<String> BUILTINS = Set.of("and", "call", "html", "index", "slice", "js", "len", "not",
            "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");

    /** Go's limit on nested parentheses (parse.maxStackDepth). */
    private static final int GO_MAX_PARENS = 10000;

    /**
     * Where a template is parsed: its name (in Go's messages), a header parsed before the text (Prometheus declares
     * its variables so), and the functions the caller registers besides the built-ins.
     */
    public record Env(String name, String header, Set<String> functions) {

        boolean hasFunction(String f) {
            return functions.contains(f) || BUILTINS.contains(f);
        }
    }

    /**
     * A template Go does not parse. {@code line} and {@code column} (1-based, in code points) place it in the text:
     * at the token it is about, which may be earlier than the last token Go read, whose line Go reports
     * ({@code goLine}). {@code message} is Go's text after its "template: NAME:LINE: " prefix.
     */
    public record Error(String name, int goLine, int line, int column, String message) {

        /** The error as Go prints it: {@code template: NAME:LINE: message}. */
        public String goMessage() {
            return "template: " + name + ":" + goLine + ": " + message;
        }

        @Override
        public String toString() {
            return line + ":" + column + ": " + message;
        }
    }

    private GoTemplate() {
    }

    /** The kinds of {@link Token}: Go's item types, with keywords, strings and numbers each folded into one. */
    public enum TokenType {
        TEXT, LEFT_DELIM, RIGHT_DELIM, IDENTIFIER, KEYWORD, FIELD, VARIABLE, DOT, STRING, NUMBER, BOOL, NIL,
        LEFT_PAREN, RIGHT_PAREN, PIPE, ASSIGN, DECLARE, CHAR
    }

    /**
     * A token as Go's template lexer makes it (spaces inside actions dropped, comments skipped): its type, its text
     * (strings with their quotes, keywords as their word), its offset into the text, and whether space preceded it.
     */
    public record Token(TokenType type, String text, int offset, boolean spaceBefore) {
    }

    /** The tokens of a template; empty when Go's lexer fails on it (the syntax check says why). */
    public static List<Token> tokens(String text) {
        GoTemplateLexer lexer = new GoTemplateLexer(GoStrconv.canonical(text), true, true);
        List<Token> out = new ArrayList<>();
        boolean space = false;
        while (true) {
            Item i = lexer.nextItem();
            TokenType type = switch (i.type()) {
                case EOF -> null;
                case ERROR -> {
                    out.clear();
                    yield null;
                }
                case SPACE, COMMENT -> TokenType.TEXT; // never emitted as a token, see below
                case TEXT -> TokenType.TEXT;
                case LEFT_DELIM -> TokenType.LEFT_DELIM;
                case RIGHT_DELIM -> TokenType.RIGHT_DELIM;
                case IDENTIFIER -> TokenType.IDENTIFIER;
                case FIELD -> TokenType.FIELD;
                case VARIABLE -> TokenType.VARIABLE;
                case DOT -> TokenType.DOT;
                case STRING, RAW_STRING -> TokenType.STRING;
                case NUMBER, COMPLEX, CHAR_CONSTANT -> TokenType.NUMBER;
                case BOOL -> TokenType.BOOL;
                case NIL -> TokenType.NIL;
                case LEFT_PAREN -> TokenType.LEFT_PAREN;
                case RIGHT_PAREN -> TokenType.RIGHT_PAREN;
                case PIPE -> TokenType.PIPE;
                case ASSIGN -> TokenType.ASSIGN;
                case DECLARE -> TokenType.DECLARE;
                case CHAR -> TokenType.CHAR;
                default -> TokenType.KEYWORD;
            };
            if (type == null) return List.copyOf(out);
            if (i.type() == T.SPACE) {
                space = true;
                continue;
            }
            out.add(new Token(type, i.val(), i.pos(), space));
            space = false;
        }
    }

    /** Empty when Go's text/template parses {@code env.header() + text}, else the error. */
    public static Optional<Error> parse(String text, Env env) {
        text = GoStrconv.canonical(text);
        String full = env.header() + text;
        Shared shared = new Shared(full, env);
        Tree main = new Tree(env.name(), shared);
        try {
            main.parse();
            main.add();
            return Optional.empty();
        } catch (Fail f) {
            int offset = Math.min(Math.max(0, f.pos - env.header().length()), text.length());
            int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
            int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
            int column = text.codePointCount(lineStart, offset) + 1;
            return Optional.of(new Error(env.name(), f.line, line, column, f.getMessage()));
        }
    }

    /** A parse error: Go's message (without its prefix), Go's line, and the offset of the token. */
    private static final class Fail extends RuntimeException {
        final int line;
        final int pos;

        Fail(String message, int line, int pos) {
            super(message, null, false, false);
            this.line = line;
            this.pos = pos;
        }
    }

    /** What the trees of one Parse share: the lexer, the functions, the defined templates, the nesting depth. */
    private static final class Shared {
        final GoTemplateLexer lexer;
        final Env env;
        /** Template name to whether its tree is empty (Go's IsEmptyTree). */
        final Map<String, Boolean> trees = new HashMap<>();
        int depth;

        Shared(String text, Env env) {
            this.env = env;
            this.lexer = new GoTemplateLexer(text, !env.hasFunction("break"), !env.hasFunction("continue"));
        }
    }

    /** The kinds of parse-tree nodes whose kind decides something. */
    private enum N { TEXT, BLANK_TEXT, ACTION, CONTROL, BREAK, CONTINUE, END, ELSE, TEMPLATE,
        // operands
        BOOL, DOT, NIL, NUMBER, STRING, FIELD, VARIABLE, IDENTIFIER, PIPE, CHAIN }

    /** A node: its kind, where it starts, and for an operand the text its String() gives. */
    private record Node(N kind, String text, int pos) {

        /** Node.String() of an {{end}} or {{else}}, which "unexpected %s" prints. */
        @Override
        public String toString() {
            return kind == N.END ? "{{end}}" : kind == N.ELSE ? "{{else}}" : text;
        }
    }

    /** One template being parsed (the main one, a {{define}} or a {{block}}): parse.Tree. */
    private static final class Tree {
        private final Shared shared;
        private final String parseName;
        private String name;
        private final Item[] token = new Item[3];
        private int peekCount;
        private final List<String> vars = new ArrayList<>(List.of("$"));
        private int actionLine;
        private int actionPos;
        private int rangeDepth;
        private int parens;
        private boolean empty = true;
        private int namePos;

        Tree(String name, Shared shared) {
            this.name = name;
            this.parseName = shared.env.name();
            this.shared = shared;
            token[0] = new Item(T.EOF, "", 0, 0);
        }

        // -- tokens

        private Item next() {
            if (peekCount > 0) {
                peekCount--;
            } else {
                token[0] = shared.lexer.nextItem();
            }
            return token[peekCount];
        }

        private void backup() {
            peekCount++;
        }

        private void backup2(Item t1) {
            token[1] = t1;
            peekCount = 2;
        }

        private void backup3(Item t2, Item t1) {
            token[1] = t1;
            token[2] = t2;
            peekCount = 3;
        }

        private Item peek() {
            if (peekCount > 0) return token[peekCount - 1];
            peekCount = 1;
            token[0] = shared.lexer.nextItem();
            return token[0];
        }

        private Item nextNonSpace() {
            Item t;
            do {
                t = next();
            } while (t.type() == T.SPACE);
            return t;
        }

        private Item peekNonSpace() {
            Item t = nextNonSpace();
            backup();
            return t;
        }

        // -- errors

        /** Go reports the line of the last token read; rule-sync places the error at {@code pos}. */
        private Fail errorAt(int pos, String message) {
            return new Fail(message, token[0].line(), pos);
        }

        private Fail errorf(String message) {
            return errorAt(token[0].pos(), message);
        }

        private Fail unexpected(Item t, String context) {
            if (t.type() == T.ERROR) {
                String extra = "";
                if (actionLine != 0 && actionLine != t.line()) {
                    extra = t.val().endsWith(" action")
                            ? " started at " + parseName + ":" + actionLine
                            : " in action started at " + parseName + ":" + actionLine;
                }
                // an unclosed action is best shown at its "{{"
                return errorAt(t.val().equals("unclosed action") ? actionPos : t.pos(), t + extra);
            }
            return errorAt(t.pos(), "unexpected " + t + " in " + context);
        }

        private Item expect(T expected, String context) {
            Item t = nextNonSpace();
            if (t.type() != expected) throw unexpected(t, context);
            return t;
        }

        private void enter(int pos) {
            if (++shared.depth > MAX_DEPTH) {
                throw errorAt(pos, "nesting deeper than " + MAX_DEPTH + " levels (actions and parentheses) is not checked");
            }
        }

        private void leave() {
            shared.depth--;
        }

        // -- the grammar

        void parse() {
            while (peek().type() != T.EOF) {
                if (peek().type() == T.LEFT_DELIM) {
                    Item delim = next();
                    if (nextNonSpace().type() == T.DEFINE) {
                        Tree definition = new Tree("definition", shared);
                        definition.parseDefinition();
                        continue;
                    }
                    backup2(delim);
                }
                Node n = textOrAction();
                if (n.kind() == N.END || n.kind() == N.ELSE) throw errorAt(n.pos(), "unexpected " + n);
                append(n);
            }
        }

        private void append(Node n) {
            if (n.kind() != N.BLANK_TEXT) empty = false;
        }

        /** Go's add: a second non-empty template of one name is an error. */
        void add() {
            Boolean existingEmpty = shared.trees.get(name);
            if (existingEmpty == null || existingEmpty) {
                shared.trees.put(name, empty);
                return;
            }
            if (!empty) throw errorAt(namePos, "template: multiple definition of template " + GoStrconv.quote(name));
        }

        private void parseDefinition() {
            String context = "define clause";
            Item nameToken = nextNonSpace();
            if (nameToken.type() != T.STRING && nameToken.type() != T.RAW_STRING) throw unexpected(nameToken, context);
            name = unquote(nameToken);
            namePos = nameToken.pos();
            expect(T.RIGHT_DELIM, context);
            Node end = itemList();
            if (end.kind() != N.END) throw errorAt(end.pos(), "unexpected " + end + " in " + context);
            add();
        }

        /** Nodes until {{end}} or {{else}}, which it returns. */
        private Node itemList() {
            while (peekNonSpace().type() != T.EOF) {
                Node n = textOrAction();
                if (n.kind() == N.END || n.kind() == N.ELSE) return n;
                append(n);
            }
            throw errorf("unexpected EOF");
        }

        private Node textOrAction() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case TEXT -> {
                    return new Node(isBlank(t.val()) ? N.BLANK_TEXT : N.TEXT, null, t.pos());
                }
                case LEFT_DELIM -> {
                    actionLine = t.line();
                    actionPos = t.pos();
                    try {
                        return action();
                    } finally {
                        actionLine = 0;
                    }
                }
                default -> throw unexpected(t, "input");
            }
        }

        private static boolean isBlank(String text) {
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (!GoUnicode.isSpace(c)) return false;
                i += Character.charCount(c);
            }
            return true;
        }

        private Node action() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case BLOCK -> {
                    return blockControl();
                }
                case BREAK, CONTINUE -> {
                    String word = t.type() == T.BREAK ? "break" : "continue";
                    Item after = nextNonSpace();
                    if (after.type() != T.RIGHT_DELIM) throw unexpected(after, "{{" + word + "}}");
                    if (rangeDepth == 0) throw errorAt(t.pos(), "{{" + word + "}} outside {{range}}");
                    return new Node(t.type() == T.BREAK ? N.BREAK : N.CONTINUE, null, t.pos());
                }
                case ELSE -> {
                    return elseControl(t);
                }
                case END -> {
                    expect(T.RIGHT_DELIM, "end");
                    return new Node(N.END, null, t.pos());
                }
                case IF -> {
                    return parseControl("if", t);
                }
                case RANGE -> {
                    return parseControl("range", t);
                }
                case TEMPLATE -> {
                    return templateControl();
                }
                case WITH -> {
                    return parseControl("with", t);
                }
                default -> {
                }
            }
            backup();
            pipeline("command", T.RIGHT_DELIM);
            return new Node(N.ACTION, null, t.pos());
        }

        /** {{if}}, {{range}}, {{with}}: pipeline, list, optional {{else}} (or {{else if}}), {{end}}. */
        private Node parseControl(String context, Item keyword) {
            enter(keyword.pos());
            int savedVars = vars.size();
            try {
                pipeline(context, T.RIGHT_DELIM);
                if (context.equals("range")) rangeDepth++;
                Node next = itemList();
                if (context.equals("range")) rangeDepth--;
                if (next.kind() == N.ELSE) {
                    if (context.equals("if") && peek().type() == T.IF) {
                        parseControl("if", next());
                    } else if (context.equals("with") && peek().type() == T.WITH) {
                        parseControl("with", next());
                    } else {
                        next = itemList();
                        if (next.kind() != N.END) throw errorAt(next.pos(), "expected end; found " + next);
                    }
                }
                return new Node(N.CONTROL, null, keyword.pos());
            } finally {
                while (vars.size() > savedVars) vars.removeLast();
                leave();
            }
        }

        private Node elseControl(Item keyword) {
            Item peek = peekNonSpace();
            if (peek.type() == T.IF || peek.type() == T.WITH) return new Node(N.ELSE, null, keyword.pos());
            expect(T.RIGHT_DELIM, "else");
            return new Node(N.ELSE, null, keyword.pos());
        }

        private Node blockControl() {
            String context = "block clause";
            Item t = nextNonSpace();
            String blockName = templateName(t, context);
            pipeline(context, T.RIGHT_DELIM);
            enter(t.pos());
            try {
                Tree block = new Tree(blockName, shared);
                block.namePos = t.pos();
                Node end = block.itemList();
                if (end.kind() != N.END) throw errorAt(end.pos(), "unexpected " + end + " in " + context);
                block.add();
            } finally {
                leave();
            }
            return new Node(N.TEMPLATE, null, t.pos());
        }

        private Node templateControl() {
            String context = "template clause";
            Item t = nextNonSpace();
            templateName(t, context);
            if (nextNonSpace().type() != T.RIGHT_DELIM) {
                backup();
                pipeline(context, T.RIGHT_DELIM);
            }
            return new Node(N.TEMPLATE, null, t.pos());
        }

        private String templateName(Item t, String context) {
            if (t.type() != T.STRING && t.type() != T.RAW_STRING) throw unexpected(t, context);
            return unquote(t);
        }

        private String unquote(Item quoted) {
            try {
                return GoStrconv.unquote(quoted.val());
            } catch (GoSyntaxException e) {
                throw errorAt(quoted.pos(), e.getMessage());
            }
        }

        /** [decl :=] command [| command ...] up to {@code end}. */
        private void pipeline(String context, T end) {
            peekNonSpace();
            int decls = 0;
            while (true) {
                Item v = peekNonSpace();
                if (v.type() != T.VARIABLE) break;
                next();
                Item afterVariable = peek();
                Item following = peekNonSpace();
                if (following.type() == T.ASSIGN || following.type() == T.DECLARE) {
                    nextNonSpace();
                    decls++;
                    vars.add(v.val());
                } else if (following.type() == T.CHAR && following.val().equals(",")) {
                    nextNonSpace();
                    decls++;
                    vars.add(v.val());
                    if (context.equals("range") && decls < 2) {
                        T after = peekNonSpace().type();
                        if (after == T.VARIABLE || after == T.RIGHT_DELIM || after == T.RIGHT_PAREN) continue;
                        throw errorf("range can only initialize variables");
                    }
                    throw errorAt(v.pos(), "too many declarations in " + context);
                } else if (afterVariable.type() == T.SPACE) {
                    backup3(v, afterVariable);
                } else {
                    backup2(v);
                }
                break;
            }
            List<Node> firstArgs = new ArrayList<>();
            while (true) {
                Item t = nextNonSpace();
                if (t.type() == end) {
                    if (firstArgs.isEmpty()) throw errorAt(t.pos(), "missing value for " + context);
                    for (int i = 1; i < firstArgs.size(); i++) {
                        switch (firstArgs.get(i).kind()) {
                            case BOOL, DOT, NIL, NUMBER, STRING -> throw errorAt(firstArgs.get(i).pos(),
                                    "non executable command in pipeline stage " + (i + 1));
                            default -> {
                            }
                        }
                    }
                    return;
                }
                switch (t.type()) {
                    case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                         VARIABLE, LEFT_PAREN -> {
                        backup();
                        firstArgs.add(command());
                    }
                    default -> throw unexpected(t, context);
                }
            }
        }

        /** Operands separated by spaces; returns the first. */
        private Node command() {
            peekNonSpace();
            Node first = null;
            while (true) {
                peekNonSpace();
                Node operand = operand();
                if (operand != null && first == null) first = operand;
                Item t = next();
                if (t.type() == T.SPACE) continue;
                switch (t.type()) {
                    case RIGHT_DELIM, RIGHT_PAREN -> backup();
                    case PIPE -> {
                    }
                    default -> throw unexpected(t, "operand");
                }
                break;
            }
            if (first == null) throw errorf("empty command");
            return first;
        }

        private Node operand() {
            Node node = term();
            if (node == null) return null;
            if (peek().type() == T.FIELD) {
                while (peek().type() == T.FIELD) next();
                switch (node.kind()) {
                    case FIELD, VARIABLE -> {
                        return node;
                    }
                    case BOOL, STRING, NUMBER, NIL, DOT ->
                            throw errorAt(node.pos(), "unexpected . after term " + GoStrconv.quote(node.text()));
                    default -> {
                        return new Node(N.CHAIN, null, node.pos());
                    }
                }
            }
            return node;
        }

        private Node term() {
            Item t = nextNonSpace();
            switch (t.type()) {
                case IDENTIFIER -> {
                    if (!shared.env.hasFunction(t.val())) {
                        throw errorAt(t.pos(), "function " + GoStrconv.quote(t.val()) + " not defined");
                    }
                    return new Node(N.IDENTIFIER, t.val(), t.pos());
                }
                case DOT -> {
                    return new Node(N.DOT, ".", t.pos());
                }
                case NIL -> {
                    return new Node(N.NIL, "nil", t.pos());
                }
                case VARIABLE -> {
                    if (!vars.contains(t.val())) {
                        throw errorAt(t.pos(), "undefined variable " + GoStrconv.quote(t.val()));
                    }
                    return new Node(N.VARIABLE, t.val(), t.pos());
                }
                case FIELD -> {
                    return new Node(N.FIELD, t.val(), t.pos());
                }
                case BOOL -> {
                    return new Node(N.BOOL, t.val(), t.pos());
                }
                case CHAR_CONSTANT, COMPLEX, NUMBER -> {
                    String err = GoTemplateNumbers.check(t.val(), t.type());
                    if (err != null) throw errorAt(t.pos(), err);
                    return new Node(N.NUMBER, t.val(), t.pos());
                }
                case LEFT_PAREN -> {
                    if (parens >= GO_MAX_PARENS) throw errorAt(t.pos(), "max expression depth exceeded");
                    parens++;
                    enter(t.pos());
                    try {
                        pipeline("parenthesized pipeline", T.RIGHT_PAREN);
                    } finally {
                        parens--;
                        leave();
                    }
                    return new Node(N.PIPE, null, t.pos());
                }
                case STRING, RAW_STRING -> {
                    unquote(t);
                    return new Node(N.STRING, t.val(), t.pos());
                }
                default -> {
                    backup();
                    return null;
                }
            }
        }
    }
}
