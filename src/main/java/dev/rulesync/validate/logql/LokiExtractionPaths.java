package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The little languages of json and logfmt extractions ({@code | json first="servers[0].name"},
 * {@code | logfmt host="\"host\""}), which Loki parses when it builds the pipeline.
 */
final class LokiExtractionPaths {

    private LokiExtractionPaths() {
    }

    private enum Tok { FIELD, STRING, INDEX, LSB, RSB, DOT }

    /** Null when Loki's json expression parser accepts {@code path}, else its message. */
    static String json(String path) {
        List<Tok> toks = new ArrayList<>();
        int[] cp = path.codePoints().toArray();
        int i = 0;
        while (i < cp.length && cp[i] != 0) {
            int r = cp[i++];
            if (r == ' ' || r == '\t' || r == '\n') continue;
            if (r >= '0' && r <= '9') {
                StringBuilder number = new StringBuilder().appendCodePoint(r);
                while (true) {
                    int c = i < cp.length ? cp[i] : 0;
                    if (c == '.') return "cannot use float as array index";
                    if (c == ' ' || c == '\t' || c == '\n' || c == ']') break;
                    if (c < '0' || c > '9') return "non-integer value: " + new String(Character.toChars(c));
                    number.append((char) c);
                    i++;
                }
                try {
                    GoStrconv.atoi(number.toString());
                } catch (GoSyntaxException e) {
                    return e.getMessage();
                }
                toks.add(Tok.INDEX);
            } else if (r == '[') {
                toks.add(Tok.LSB);
            } else if (r == ']') {
                toks.add(Tok.RSB);
            } else if (r == '.') {
                toks.add(Tok.DOT);
            } else if (isStart(r)) {
                i = skipField(cp, i);
                toks.add(Tok.FIELD);
            } else if (r == '"') {
                i = skipString(cp, i);
                toks.add(Tok.STRING);
            } else {
                return "unexpected char " + new String(Character.toChars(r));
            }
        }
        // values: (FIELD | [STRING] | [INDEX]) ( [STRING] | [INDEX] | . FIELD )*
        int k = 0;
        boolean first = true;
        while (k < toks.size() || first) {
            if (k >= toks.size()) return "syntax error: unexpected $end";
            Tok t = toks.get(k);
            if (first && t == Tok.FIELD) {
                k++;
            } else if (t == Tok.LSB) {
                if (k + 1 >= toks.size()) return "syntax error: unexpected $end";
                Tok v = toks.get(k + 1);
                if (v != Tok.STRING && v != Tok.INDEX) return "syntax error: unexpected " + v;
                if (k + 2 >= toks.size()) return "syntax error: unexpected $end";
                if (toks.get(k + 2) != Tok.RSB) return "syntax error: unexpected " + toks.get(k + 2);
                k += 3;
            } else if (!first && t == Tok.DOT) {
                if (k + 1 >= toks.size()) return "syntax error: unexpected $end";
                if (toks.get(k + 1) != Tok.FIELD) return "syntax error: unexpected " + toks.get(k + 1);
                k += 2;
            } else {
                return "syntax error: unexpected " + t;
            }
            first = false;
        }
        return null;
    }

    /** Null when Loki's logfmt expression parser accepts {@code expr}: a key or a string, then strings. */
    static String logfmt(String expr) {
        List<Tok> toks = new ArrayList<>();
        int[] cp = expr.codePoints().toArray();
        int i = 0;
        while (i < cp.length && cp[i] != 0) {
            int r = cp[i++];
            if (r == ' ' || r == '\t' || r == '\n') continue;
            if (isStart(r)) {
                i = skipField(cp, i);
                toks.add(Tok.FIELD);
            } else if (r == '"') {
                i = skipString(cp, i);
                toks.add(Tok.STRING);
            } else {
                return "unexpected char " + new String(Character.toChars(r));
            }
        }
        if (toks.isEmpty()) return "syntax error: unexpected $end";
        for (int k = 1; k < toks.size(); k++) {
            if (toks.get(k) != Tok.STRING) return "syntax error: unexpected KEY";
        }
        return null;
    }

    private static boolean isStart(int r) {
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_';
    }

    /** Past the rest of a field name that started just before {@code i}: letters, '_' and digits. */
    private static int skipField(int[] cp, int i) {
        while (i < cp.length && (isStart(cp[i]) || (cp[i] >= '0' && cp[i] <= '9'))) i++;
        return i;
    }

    /** Past the rest of a string opened just before {@code i}: it ends at the next quote or ']' (which it swallows), or at the end. */
    private static int skipString(int[] cp, int i) {
        while (i < cp.length && cp[i] != 0) {
            int c = cp[i++];
            if (c == '"' || c == ']') break;
        }
        return i;
    }
}
