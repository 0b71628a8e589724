package dev.rulesync.gosyntax;

import java.util.Map;

/**
 * text/template's lexer: text runs, delimiters with trim markers, comments, and the tokens of an action. Items are
 * made on demand, as Go's lexer makes them, because an error late in the text must not hide a parse error before
 * it. Positions are char offsets into the text; lines are what Go reports.
 */
final class GoTemplateLexer {

    enum T {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        // keywords
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean keyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** One token: its type, text, start offset and the line it starts on. */
    record Item(T type, String val, int pos, int line) {

        /** Go's item.String(), which error messages quote. */
        @Override
        public String toString() {
            if (type == T.EOF) return "EOF";
            if (type == T.ERROR) return val;
            if (type.keyword()) return "<" + val + ">";
            // Go compares the length in bytes, then quotes at most ten characters
            if (GoStrconv.bytes(val).length > 10) {
                int end = val.codePointCount(0, val.length()) > 10 ? val.offsetByCodePoints(0, 10) : val.length();
                return GoStrconv.quote(val.substring(0, end)) + "...";
            }
            return GoStrconv.quote(val);
        }
    }

    private static final Map<String, T> KEYWORDS = Map.ofEntries(Map.entry(".", T.DOT), Map.entry("block", T.BLOCK),
            Map.entry("break", T.BREAK), Map.entry("continue", T.CONTINUE), Map.entry("define", T.DEFINE),
            Map.entry("else", T.ELSE), Map.entry("end", T.END), Map.entry("if", T.IF), Map.entry("range", T.RANGE),
            Map.entry("nil", T.NIL), Map.entry("template", T.TEMPLATE), Map.entry("with", T.WITH));

    private static final int EOF = -1;

    private String input;
    private final boolean breakOK;
    private final boolean continueOK;
    private int pos;
    private int start;
    private boolean atEOF;
    private int parenDepth;
    private int line = 1;
    private int startLine = 1;
    private boolean insideAction;
    private Item item;

    /** {@code breakOK}/{@code continueOK}: false when a function of that name hides the keyword. */
    GoTemplateLexer(String input, boolean breakOK, boolean continueOK) {
        this.input = input;
        this.breakOK = breakOK;
        this.continueOK = continueOK;
    }

    private int next() {
        if (pos >= input.length()) {
            atEOF = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') line++;
        return r >= 0xDC80 && r <= 0xDCFF ? 0xFFFD : r; // a byte that is not UTF-8 reads as RuneError
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEOF && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') line--;
        }
    }

    private Item thisItem(T t) {
        Item i = new Item(t, input.substring(start, pos), start, startLine);
        start = pos;
        startLine = line;
        return i;
    }

    private boolean emit(T t) {
        item = thisItem(t);
        return true;
    }

    private void ignore() {
        line += count(start, pos);
        start = pos;
        startLine = line;
    }

    private int count(int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) if (input.charAt(i) == '\n') c++;
        return c;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) return true;
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (true) {
            int r = next();
            if (r == EOF || valid.indexOf(r) < 0) break;
        }
        backup();
    }

    private boolean errorf(String message) {
        item = new Item(T.ERROR, message, start, startLine);
        start = 0;
        pos = 0;
        input = "";
        return true;
    }

    /** The next item; EOF forever after the end or an error. */
    Item nextItem() {
        item = new Item(T.EOF, "EOF", pos, startLine);
        if (insideAction) {
            insideAction();
        } else {
            text();
        }
        return item;
    }

    private static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    // -- outside actions

    private void text() {
        while (true) {
            int x = input.indexOf("{{", pos);
            if (x >= 0) {
                if (x > pos) {
                    pos = x;
                    int trim = hasLeftTrimMarker(pos + 2) ? rightTrimLength(start, pos) : 0;
                    pos -= trim;
                    line += count(start, pos);
                    Item i = thisItem(T.TEXT);
                    pos += trim;
                    ignore();
                    if (!i.val().isEmpty()) {
                        item = i;
                        return;
                    }
                }
                if (leftDelim()) return;
                continue; // a comment was skipped
            }
            pos = input.length();
            if (pos > start) {
                line += count(start, pos);
                emit(T.TEXT);
            } else {
                emit(T.EOF);
            }
            return;
        }
    }

    private int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) i--;
        return to - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) i++;
        return i - from;
    }

    /** At "{{": emits the delimiter, or skips a comment (false) or fails on a bad one (true). */
    private boolean leftDelim() {
        pos += 2;
        boolean trim = hasLeftTrimMarker(pos);
        int afterMarker = trim ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return comment();
        }
        Item i = thisItem(T.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        item = i;
        return true;
    }

    private boolean comment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) return errorf("unclosed comment");
        pos = x + 2;
        int delim = atRightDelim();
        if (delim == 0) return errorf("comment ends before closing delimiter");
        line += count(start, pos);
        thisItem(T.COMMENT);
        if (delim == 2) pos += 2;
        pos += 2;
        if (delim == 2) pos += leftTrimLength(pos);
        ignore();
        return false;
    }

    /** 0: not at "}}"; 1: at "}}"; 2: at " -}}". */
    private int atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith("}}", pos + 2)) return 2;
        if (input.startsWith("}}", pos)) return 1;
        return 0;
    }

    private void rightDelim() {
        boolean trim = atRightDelim() == 2;
        if (trim) {
            pos += 2;
            ignore();
        }
        pos += 2;
        Item i = thisItem(T.RIGHT_DELIM);
        if (trim) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        item = i;
    }

    // -- inside actions

    private void insideAction() {
        if (atRightDelim() != 0) {
            if (parenDepth == 0) {
                rightDelim();
                return;
            }
            errorf("unclosed left paren");
            return;
        }
        int r = next();
        if (r == EOF) {
            errorf("unclosed action");
        } else if (isSpace(r)) {
            backup();
            space();
        } else if (r == '=') {
            emit(T.ASSIGN);
        } else if (r == ':') {
            if (next() != '=') {
                errorf("expected :=");
                return;
            }
            emit(T.DECLARE);
        } else if (r == '|') {
            emit(T.PIPE);
        } else if (r == '"') {
            quoted('"', T.STRING, "unterminated quoted string");
        } else if (r == '`') {
            rawQuote();
        } else if (r == '$') {
            variable();
        } else if (r == '\'') {
            quoted('\'', T.CHAR_CONSTANT, "unterminated character constant");
        } else if (r == '.' && pos < input.length() && !(input.charAt(pos) >= '0' && input.charAt(pos) <= '9')) {
            // a '.' at the very end reads as a number, as in Go
            fieldOrVariable(T.FIELD);
        } else if (r == '.' || r == '+' || r == '-' || r >= '0' && r <= '9') {
            backup();
            number();
        } else if (isAlphaNumeric(r)) {
            backup();
            identifier();
        } else if (r == '(') {
            parenDepth++;
            emit(T.LEFT_PAREN);
        } else if (r == ')') {
            parenDepth--;
            if (parenDepth < 0) {
                errorf("unexpected right paren");
                return;
            }
            emit(T.RIGHT_PAREN);
        } else if (r < 0x80 && GoUnicode.isPrint(r)) {
            emit(T.CHAR);
        } else {
            errorf("unrecognized character in action: " + GoUnicode.formatU(r));
        }
    }

    private void space() {
        int spaces = 0;
        while (isSpace(peek())) {
            next();
            spaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith("}}", pos + 1)) {
            backup();
            if (spaces == 1) {
                rightDelim();
                return;
            }
        }
        emit(T.SPACE);
    }

    private void identifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) continue;
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                errorf("bad character " + GoUnicode.formatU(r));
                return;
            }
            T key = KEYWORDS.get(word);
            if (key != null && key.keyword() && key != T.DOT) {
                if (key == T.BREAK && !breakOK || key == T.CONTINUE && !continueOK) {
                    emit(T.IDENTIFIER);
                } else {
                    emit(key);
                }
            } else if (word.charAt(0) == '.') {
                emit(T.FIELD);
            } else if (word.equals("true") || word.equals("false")) {
                emit(T.BOOL);
            } else {
                emit(T.IDENTIFIER);
            }
            return;
        }
    }

    private void variable() {
        if (atTerminator()) {
            emit(T.VARIABLE);
            return;
        }
        fieldOrVariable(T.VARIABLE);
    }

    private void fieldOrVariable(T type) {
        if (atTerminator()) {
            emit(type == T.VARIABLE ? T.VARIABLE : T.DOT);
            return;
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            errorf("bad character " + GoUnicode.formatU(r));
            return;
        }
        emit(type);
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) return true;
        return switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(' -> true;
            default -> input.startsWith("}}", pos);
        };
    }

    /** A '...' or "..." up to its closing quote on the same line; a backslash escapes the next character. */
    private void quoted(int close, T type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') continue;
            }
            if (r == EOF || r == '\n') {
                errorf(unterminated);
                return;
            }
            if (r == close) break;
        }
        emit(type);
    }

    private void number() {
        if (!scanNumber()) {
            errorf("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
            return;
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                errorf("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
                return;
            }
            emit(T.COMPLEX);
            return;
        }
        emit(T.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) acceptRun(digits);
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private void rawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                errorf("unterminated raw quoted string");
                return;
            }
            if (r == '`') break;
        }
        emit(T.RAW_STRING);
    }
}
