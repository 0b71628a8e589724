package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoUnicode;
import dev.rulesync.gosyntax.PromDuration;
import static dev.rulesync.validate.logql.LogQLParser.*;

import dev.rulesync.gosyntax.GoSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Turns LogQL text into tokens exactly as Loki's lexer does (a Go text/scanner plus Loki's rules on top):
 * keywords are case-insensitive; a function name is a keyword only when "(" or "by (" / "without (" follows,
 * otherwise it is a label name; a number glued to a duration or byte unit is one DURATION or BYTES token;
 * "[...]" is one RANGE token; "#", "//" and block comments are skipped; any other character is an IDENTIFIER (and
 * the parser then rejects it). The first error is kept and ends the token stream, as in Loki.
 */
final class LogQLLexer {

    /** A token with its decoded value: the unquoted string, the duration in nanoseconds, the byte count. */
    static final class LogQLToken extends CommonToken {
        Object value;

        LogQLToken(int type, String text) {
            super(type, text);
        }
    }

    /** The first problem the lexer met, at the start of the token it was reading (1-based). */
    record LexError(String message, int line, int column, int tokenIndex) {
    }

    record Result(List<Token> tokens, LexError error) {
    }

    private static final Map<String, Integer> TOKENS = new HashMap<>();
    private static final Map<String, Integer> FUNCTION_TOKENS = new HashMap<>();

    static {
        String[][] t = {
                {",", "COMMA"}, {".", "DOT"}, {"{", "OPEN_BRACE"}, {"}", "CLOSE_BRACE"}, {"=", "EQ"}, {"!=", "NEQ"},
                {"=~", "RE"}, {"!~", "NRE"}, {"!>", "NPA"}, {"|=", "PIPE_EXACT"}, {"|~", "PIPE_MATCH"},
                {"|>", "PIPE_PATTERN"}, {"|", "PIPE"}, {"unwrap", "UNWRAP"}, {"(", "OPEN_PARENTHESIS"},
                {")", "CLOSE_PARENTHESIS"}, {"by", "BY"}, {"without", "WITHOUT"}, {"bool", "BOOL"},
                {"[", "OPEN_BRACKET"}, {"]", "CLOSE_BRACKET"}, {"label_replace", "LABEL_REPLACE"},
                {"offset", "OFFSET"}, {"on", "ON"}, {"ignoring", "IGNORING"}, {"group_left", "GROUP_LEFT"},
                {"group_right", "GROUP_RIGHT"}, {"or", "OR"}, {"and", "AND"}, {"unless", "UNLESS"}, {"+", "ADD"},
                {"-", "SUB"}, {"*", "MUL"}, {"/", "DIV"}, {"%", "MOD"}, {"^", "POW"}, {"==", "CMP_EQ"},
                {">", "GT"}, {">=", "GTE"}, {"<", "LT"}, {"<=", "LTE"}, {"json", "JSON"}, {"regexp", "REGEXP"},
                {"logfmt", "LOGFMT"}, {"unpack", "UNPACK"}, {"pattern", "PATTERN"}, {"label_format", "LABEL_FMT"},
                {"line_format", "LINE_FMT"}, {"ip", "IP"}, {"decolorize", "DECOLORIZE"}, {"drop", "DROP"},
                {"keep", "KEEP"}, {"variants", "VARIANTS"}, {"of", "OF"}};
        for (String[] e : t) TOKENS.put(e[0], type(e[1]));
        String[][] f = {
                {"rate", "RATE"}, {"rate_counter", "RATE_COUNTER"}, {"count_over_time", "COUNT_OVER_TIME"},
                {"bytes_rate", "BYTES_RATE"}, {"bytes_over_time", "BYTES_OVER_TIME"},
                {"avg_over_time", "AVG_OVER_TIME"}, {"sum_over_time", "SUM_OVER_TIME"},
                {"min_over_time", "MIN_OVER_TIME"}, {"max_over_time", "MAX_OVER_TIME"},
                {"stdvar_over_time", "STDVAR_OVER_TIME"}, {"stddev_over_time", "STDDEV_OVER_TIME"},
                {"quantile_over_time", "QUANTILE_OVER_TIME"}, {"first_over_time", "FIRST_OVER_TIME"},
                {"last_over_time", "LAST_OVER_TIME"}, {"absent_over_time", "ABSENT_OVER_TIME"},
                {"vector", "VECTOR"}, {"sum", "SUM"}, {"avg", "AVG"}, {"max", "MAX"}, {"min", "MIN"},
                {"count", "COUNT"}, {"stddev", "STDDEV"}, {"stdvar", "STDVAR"}, {"bottomk", "BOTTOMK"},
                {"topk", "TOPK"}, {"sort", "SORT"}, {"sort_desc", "SORT_DESC"}, {"label_replace", "LABEL_REPLACE"},
                {"approx_topk", "APPROX_TOPK"}, {"bytes", "BYTES_CONV"}, {"duration", "DURATION_CONV"},
                {"duration_seconds", "DURATION_SECONDS_CONV"}, {"ip", "IP"}};
        for (String[] e : f) FUNCTION_TOKENS.put(e[0], type(e[1]));
    }

    private static int type(String name) {
        for (int i = 1; i < VOCABULARY.getMaxTokenType() + 1; i++) {
            if (name.equals(VOCABULARY.getSymbolicName(i))) return i;
        }
        throw new IllegalStateException("no token " + name);
    }

    private static final int EOF_CH = -1;

    private final int[] cp;
    private final int[] lineOf;
    private final int[] colOf;
    private int pos;
    private LexError error;
    private final List<Token> tokens = new ArrayList<>();
    // Start of the token being read: positions of errors and tokens.
    private int tokStart;
    private int scanEntry;

    private LogQLLexer(String input) {
        this.cp = input.codePoints().toArray();
        this.lineOf = new int[cp.length + 1];
        this.colOf = new int[cp.length + 1];
        int line = 1;
        int col = 1;
        for (int i = 0; i < cp.length; i++) {
            lineOf[i] = line;
            colOf[i] = col;
            if (cp[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        lineOf[cp.length] = line;
        colOf[cp.length] = col;
    }

    static Result lex(String input) {
        LogQLLexer l = new LogQLLexer(input);
        l.run();
        return new Result(l.tokens, l.error);
    }

    private int peek() {
        return pos < cp.length ? cp[pos] : EOF_CH;
    }

    private int peekAt(int i) {
        return i < cp.length ? cp[i] : EOF_CH;
    }

    private void error(String msg) {
        if (error == null) {
            error = new LexError(msg, lineOf[tokStart], colOf[tokStart], tokens.size());
        }
    }

    private void run() {
        while (error == null) {
            int type = next();
            if (type == Token.EOF) break;
        }
        LogQLToken eof = new LogQLToken(Token.EOF, "<EOF>");
        int at = error != null ? tokStart : cp.length;
        place(eof, at, at);
        tokens.add(eof);
    }

    private void place(LogQLToken t, int start, int end) {
        t.setLine(lineOf[Math.min(start, cp.length)]);
        t.setCharPositionInLine(colOf[Math.min(start, cp.length)] - 1);
        t.setStartIndex(start);
        t.setStopIndex(end - 1);
        t.setTokenIndex(tokens.size());
    }

    private String text(int from, int to) {
        return new String(cp, from, to - from);
    }

    private void emit(int type, int start, int end, Object value) {
        LogQLToken t = new LogQLToken(type, text(start, end));
        t.value = value;
        place(t, start, end);
        tokens.add(t);
    }

    /** Scans one Go text/scanner token; returns its kind (a code point, or one of the negative kinds below). */
    private static final int IDENT = -2;
    private static final int INT = -3;
    private static final int FLOAT = -4;
    private static final int CHAR = -5;
    private static final int STRING_TOK = -6;
    private static final int RAW_STRING = -7;
    private static final int SCAN_EOF = -1;

    private int scan() {
        int t = scanToken();
        for (int i = tokStart; i < pos && error == null; i++) {
            if (cp[i] == 0) error("invalid character NUL");
        }
        return t;
    }

    private int scanToken() {
        // Loki's scanner looks at its stale one-character look-ahead, the character where this scan started,
        // to decide whether "0b" starts a binary number; we keep it for that decision.
        scanEntry = pos;
        while (true) {
            while (pos < cp.length && (cp[pos] == ' ' || cp[pos] == '\t' || cp[pos] == '\n' || cp[pos] == '\r')) {
                pos++;
            }
            tokStart = pos;
            int ch = peek();
            if (ch == EOF_CH) return SCAN_EOF;
            if (ch == '_' || Character.isLetter(ch)) {
                pos++;
                while (pos < cp.length && (cp[pos] == '_' || Character.isLetter(cp[pos]) || Character.isDigit(cp[pos]))) {
                    pos++;
                }
                return IDENT;
            }
            if (LokiLiterals.isAsciiDigit(ch)) {
                return scanNumber(false);
            }
            switch (ch) {
                case '"' -> {
                    pos++;
                    scanString('"');
                    return STRING_TOK;
                }
                case '\'' -> {
                    pos++;
                    if (scanString('\'') != 1) error("invalid char literal");
                    return CHAR;
                }
                case '.' -> {
                    pos++;
                    if (LokiLiterals.isAsciiDigit(peek())) return scanNumber(true);
                    return '.';
                }
                case '/' -> {
                    pos++;
                    int c = peek();
                    if (c == '/') {
                        while (pos < cp.length && cp[pos] != '\n') pos++;
                        continue;
                    }
                    if (c == '*') {
                        pos++;
                        boolean closed = false;
                        while (pos < cp.length) {
                            if (cp[pos] == '*' && peekAt(pos + 1) == '/') {
                                pos += 2;
                                closed = true;
                                break;
                            }
                            pos++;
                        }
                        if (!closed) {
                            error("comment not terminated");
                            return SCAN_EOF;
                        }
                        continue;
                    }
                    return '/';
                }
                case '`' -> {
                    pos++;
                    while (true) {
                        int c = peek();
                        if (c == EOF_CH) {
                            error("literal not terminated");
                            break;
                        }
                        pos++;
                        if (c == '`') break;
                    }
                    return RAW_STRING;
                }
                default -> {
                    pos++;
                    return ch;
                }
            }
        }
    }

    /** Reads the rest of a quoted literal (the opening quote is read); returns the number of characters. */
    private int scanString(int quote) {
        int n = 0;
        while (true) {
            int ch = peek();
            if (ch == quote) {
                pos++;
                return n;
            }
            if (ch == '\n' || ch == EOF_CH) {
                error("literal not terminated");
                return n;
            }
            pos++;
            if (ch == '\\') scanEscape(quote);
            n++;
        }
    }

    private void scanEscape(int quote) {
        int ch = peek();
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> pos++;
            case '0', '1', '2', '3', '4', '5', '6', '7' -> scanDigits(8, 3);
            case 'x' -> {
                pos++;
                scanDigits(16, 2);
            }
            case 'u' -> {
                pos++;
                scanDigits(16, 4);
            }
            case 'U' -> {
                pos++;
                scanDigits(16, 8);
            }
            default -> {
                if (ch == quote) {
                    pos++;
                } else {
                    error("invalid char escape");
                }
            }
        }
    }

    private void scanDigits(int base, int n) {
        while (n > 0 && digitVal(peek()) < base) {
            pos++;
            n--;
        }
        if (n > 0) error("invalid char escape");
    }

    private static int digitVal(int ch) {
        if (ch >= '0' && ch <= '9') return ch - '0';
        int l = Character.toLowerCase(ch);
        if (l >= 'a' && l <= 'f') return l - 'a' + 10;
        return 16;
    }

    private int scanNumber(boolean seenDot) {
        int base = 10;
        char prefix = 0;
        int digsep = 0;
        int[] invalid = {0};
        int tok;
        if (!seenDot) {
            tok = INT;
            if (peek() == '0') {
                pos++;
                int l = Character.toLowerCase(peek());
                if (l == 'x') {
                    pos++;
                    base = 16;
                    prefix = 'x';
                } else if (l == 'o') {
                    pos++;
                    base = 8;
                    prefix = 'o';
                } else if (l == 'b') {
                    int stale = peekAt(scanEntry);
                    if (stale == '0' || stale == '1') {
                        pos++;
                        base = 2;
                        prefix = 'b';
                    }
                } else {
                    base = 8;
                    prefix = '0';
                    digsep = 1;
                }
            }
            digsep |= digits(base, invalid);
            if (peek() == '.') {
                pos++;
                seenDot = true;
            }
        } else {
            tok = FLOAT;
        }
        if (seenDot) {
            tok = FLOAT;
            if (prefix == 'o' || prefix == 'b') error("invalid radix point in " + litname(prefix));
            digsep |= digits(base, invalid);
        }
        if ((digsep & 1) == 0) error(litname(prefix) + " has no digits");
        int e = Character.toLowerCase(peek());
        if (e == 'e' || e == 'p') {
            int ech = peek();
            if (e == 'e' && prefix != 0 && prefix != '0') {
                error("'" + new String(Character.toChars(ech)) + "' exponent requires decimal mantissa");
            } else if (e == 'p' && prefix != 'x') {
                error("'" + new String(Character.toChars(ech)) + "' exponent requires hexadecimal mantissa");
            }
            pos++;
            tok = FLOAT;
            if (peek() == '+' || peek() == '-') pos++;
            int ds = digits(10, null);
            digsep |= ds;
            if ((ds & 1) == 0) error("exponent has no digits");
        } else if (prefix == 'x' && tok == FLOAT) {
            error("hexadecimal mantissa requires a 'p' exponent");
        }
        if (tok == INT && invalid[0] != 0) {
            error("invalid digit '" + new String(Character.toChars(invalid[0])) + "' in " + litname(prefix));
        }
        if ((digsep & 2) != 0 && LokiLiterals.invalidSeparator(text(tokStart, pos)) >= 0) {
            error("'_' must separate successive digits");
        }
        return tok;
    }

    private int digits(int base, int[] invalid) {
        int digsep = 0;
        if (base <= 10) {
            int max = '0' + base;
            while (LokiLiterals.isAsciiDigit(peek()) || peek() == '_') {
                int ds = 1;
                if (peek() == '_') {
                    ds = 2;
                } else if (peek() >= max && invalid != null && invalid[0] == 0) {
                    invalid[0] = peek();
                }
                digsep |= ds;
                pos++;
            }
        } else {
            while (LokiLiterals.isHexDigit(peek()) || peek() == '_') {
                digsep |= peek() == '_' ? 2 : 1;
                pos++;
            }
        }
        return digsep;
    }

    private static String litname(char prefix) {
        return switch (prefix) {
            case 'x' -> "hexadecimal literal";
            case 'o', '0' -> "octal literal";
            case 'b' -> "binary literal";
            default -> "decimal literal";
        };
    }

    /** Loki's Lex: one token; returns its type. */
    private int next() {
        int r = scan();
        if (error != null) return Token.EOF;
        int start = tokStart;
        switch (r) {
            case '#' -> {
                while (pos < cp.length && cp[pos] != '\n') pos++;
                return next();
            }
            case SCAN_EOF -> {
                return Token.EOF;
            }
            case INT, FLOAT -> {
                String number = text(start, pos);
                Long d = tryScanDuration(number);
                if (d != null) {
                    emit(DURATION, start, pos, d);
                    return DURATION;
                }
                Long b = tryScanBytes(number);
                if (b != null) {
                    emit(BYTES, start, pos, b);
                    return BYTES;
                }
                emit(NUMBER, start, pos, number);
                return NUMBER;
            }
            case '-' -> {
                if (peek() == '-') {
                    String flag = tryScanFlag();
                    if (flag != null) {
                        emit(FUNCTION_FLAG, start, pos, flag);
                        return FUNCTION_FLAG;
                    }
                }
                Long d = tryScanDuration("-");
                if (d != null) {
                    emit(DURATION, start, pos, d);
                    return DURATION;
                }
            }
            case STRING_TOK, RAW_STRING -> {
                String raw = text(start, pos);
                try {
                    String v = GoStrconv.unquotePrometheus(raw);
                    emit(STRING, start, pos, v);
                    return STRING;
                } catch (GoSyntaxException e) {
                    error(e.getMessage());
                    return Token.EOF;
                }
            }
            default -> {
            }
        }
        if (r == '[') {
            StringBuilder sb = new StringBuilder();
            while (pos < cp.length) {
                int c = cp[pos++];
                if (c == ']') {
                    try {
                        long d = PromDuration.parse(sb.toString());
                        emit(RANGE, start, pos, d);
                        return RANGE;
                    } catch (GoSyntaxException e) {
                        error(e.getMessage());
                        return Token.EOF;
                    }
                }
                sb.appendCodePoint(c);
            }
            error("missing closing ']' in duration");
            return Token.EOF;
        }
        String tokenText = text(start, pos);
        String lower = tokenText.toLowerCase(Locale.ROOT);
        int nextCh = peek();
        String tokenNext = nextCh == EOF_CH ? lower : (tokenText + new String(Character.toChars(nextCh)))
                .toLowerCase(Locale.ROOT);
        Integer fn = nextCh == EOF_CH ? null : FUNCTION_TOKENS.get(tokenNext);
        if (fn != null && isFunction(pos + 1)) {
            pos++;
            emit(fn, start, pos, null);
            return fn;
        }
        fn = FUNCTION_TOKENS.get(lower);
        if (fn != null) {
            if (!isFunction(pos)) {
                emit(IDENTIFIER, start, pos, tokenText);
                return IDENTIFIER;
            }
            emit(fn, start, pos, null);
            return fn;
        }
        Integer tok = nextCh == EOF_CH ? null : TOKENS.get(tokenNext);
        if (tok != null) {
            pos++;
            emit(tok, start, pos, null);
            return tok;
        }
        tok = TOKENS.get(lower);
        if (tok != null) {
            emit(tok, start, pos, null);
            return tok;
        }
        emit(IDENTIFIER, start, pos, tokenText);
        return IDENTIFIER;
    }

    /** Loki's isFunction: "(" follows, or "by"/"without" and then "(", with any white space between. */
    private boolean isFunction(int at) {
        int i = skipSpace(at);
        int c = peekAt(i);
        if (c == '(') return true;
        if (regionIs(i, "by")) return peekAt(skipSpace(i + 2)) == '(';
        if (regionIs(i, "without")) return peekAt(skipSpace(i + 7)) == '(';
        return false;
    }

    private boolean regionIs(int at, String word) {
        if (at + word.length() > cp.length) return false;
        return text(at, at + word.length()).toLowerCase(Locale.ROOT).equals(word);
    }

    private int skipSpace(int i) {
        while (i < cp.length && GoUnicode.isSpace(cp[i])) i++;
        return i;
    }

    private String tryScanFlag() {
        int i = pos;
        StringBuilder sb = new StringBuilder("-");
        // stop past the longest flag: a long run of dashes must not be rescanned from each of its dashes
        while (i < cp.length && sb.length() <= "--keep-empty".length() && (Character.isLetter(cp[i]) || cp[i] == '-')) {
            sb.appendCodePoint(cp[i]);
            i++;
        }
        String flag = sb.toString();
        if (!flag.equals("--strict") && !flag.equals("--keep-empty")) return null;
        pos = i;
        return flag;
    }

    private Long tryScanDuration(String number) {
        int i = pos;
        StringBuilder sb = new StringBuilder(number);
        while (i < cp.length && !GoUnicode.isSpace(cp[i])) {
            int r = cp[i];
            if (!GoUnicode.isNumber(r) && !isDurationRune(r) && r != '.') break;
            sb.appendCodePoint(r);
            i++;
        }
        if (i == pos) return null;
        try {
            long d = LokiLiterals.parseLokiDuration(sb.toString());
            pos = i;
            return d;
        } catch (GoSyntaxException e) {
            return null;
        }
    }

    private static boolean isDurationRune(int r) {
        return switch (r) {
            case 'n', 'u', '\u00b5', 'm', 's', 'h', 'd', 'w', 'y' -> true;
            default -> false;
        };
    }

    private Long tryScanBytes(String number) {
        int i = pos;
        StringBuilder sb = new StringBuilder(number);
        while (i < cp.length && !GoUnicode.isSpace(cp[i])) {
            int r = cp[i];
            if (!GoUnicode.isNumber(r) && !isBytesRune(r) && r != '.') break;
            sb.appendCodePoint(r);
            i++;
        }
        if (i == pos) return null;
        try {
            long b = LokiLiterals.parseBytes(sb.toString());
            pos = i;
            return b;
        } catch (GoSyntaxException e) {
            return null;
        }
    }

    private static boolean isBytesRune(int r) {
        return switch (r) {
            case 'B', 'i', 'k', 'K', 'M', 'G', 'T', 'P' -> true;
            default -> false;
        };
    }
}
