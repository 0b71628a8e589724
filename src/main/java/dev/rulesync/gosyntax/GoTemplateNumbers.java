package dev.rulesync.gosyntax;

import dev.rulesync.gosyntax.GoTemplateLexer.T;

/**
 * text/template's number constants (parse.Tree.newNumber): character constants, complex numbers read with
 * fmt.Sscan, and integers or floats read with strconv. The lexer only finds their extent; here they are judged.
 */
final class GoTemplateNumbers {

    private GoTemplateNumbers() {
    }

    /** Null when Go reads {@code text} as a number constant, else Go's message. */
    static String check(String text, T type) {
        if (type == T.CHAR_CONSTANT) {
            try {
                GoStrconv.UnquotedChar c = GoStrconv.unquoteChar(text.substring(1), text.charAt(0));
                return c.tail().equals("'") ? null : "malformed character constant: " + text;
            } catch (GoSyntaxException e) {
                return e.getMessage();
            }
        }
        if (type == T.COMPLEX) return scanComplex(text);
        if (text.endsWith("i") && parses(() -> GoStrconv.parseFloat(text.substring(0, text.length() - 1)))) {
            return null;
        }
        if (parses(() -> GoStrconv.parseUint(text, 0)) || parses(() -> GoStrconv.parseInt(text, 0))) return null;
        if (parses(() -> GoStrconv.parseFloat(text))) {
            return containsAny(text, ".eEpP") ? null : "integer overflow: " + GoStrconv.quote(text);
        }
        return "illegal number syntax: " + GoStrconv.quote(text);
    }

    private interface Parse {
        void run() throws GoSyntaxException;
    }

    private static boolean parses(Parse p) {
        try {
            p.run();
            return true;
        } catch (GoSyntaxException e) {
            return false;
        }
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    private static final String COMPLEX_ERROR = "syntax error scanning complex number";

    /** fmt.Sscan(text, &complex128): real part, sign, imaginary part, 'i', optionally in parentheses. */
    private static String scanComplex(String text) {
        Scanner s = new Scanner(text);
        boolean parens = s.accept("(");
        String real = s.floatToken();
        StringBuilder sign = new StringBuilder();
        if (!s.accept("+-", sign)) return COMPLEX_ERROR;
        String imag = sign + s.floatToken();
        if (!s.accept("i")) return COMPLEX_ERROR;
        if (parens && !s.accept(")")) return COMPLEX_ERROR;
        String err = convertFloat(real);
        return err != null ? err : convertFloat(imag);
    }

    /** fmt's convertFloat: a decimal mantissa with a 'p' exponent is mantissa * 2^exp, anything else ParseFloat. */
    private static String convertFloat(String str) {
        int p = str.indexOf('p');
        if (p >= 0 && str.indexOf('x') < 0 && str.indexOf('X') < 0) {
            try {
                GoStrconv.parseFloat(str.substring(0, p));
            } catch (GoSyntaxException e) {
                return "strconv.ParseFloat: parsing " + GoStrconv.quote(str) + ": " + reason(e);
            }
            try {
                GoStrconv.atoi(str.substring(p + 1));
            } catch (GoSyntaxException e) {
                return "strconv.Atoi: parsing " + GoStrconv.quote(str) + ": " + reason(e);
            }
            return null;
        }
        try {
            GoStrconv.parseFloat(str);
            return null;
        } catch (GoSyntaxException e) {
            return e.getMessage();
        }
    }

    /** "invalid syntax" or "value out of range" of a strconv error. */
    private static String reason(GoSyntaxException e) {
        String m = e.getMessage();
        return m.substring(m.lastIndexOf(": ") + 2);
    }

    /** fmt's scanner over a string: accept() takes the next rune when it is one of a set. */
    private static final class Scanner {
        private final String s;
        private int i;
        private final StringBuilder buf = new StringBuilder();

        Scanner(String s) {
            this.s = s;
        }

        boolean accept(String ok) {
            return accept(ok, buf);
        }

        boolean accept(String ok, StringBuilder into) {
            if (i >= s.length()) return false;
            int r = s.codePointAt(i);
            if (ok.indexOf(r) < 0) return false;
            into.appendCodePoint(r);
            i += Character.charCount(r);
            return true;
        }

        String floatToken() {
            buf.setLength(0);
            if (accept("nN") && accept("aA") && accept("nN")) return buf.toString();
            accept("+-");
            if (accept("iI") && accept("nN") && accept("fF")) return buf.toString();
            String digits = "0123456789_";
            String exp = "eEpP";
            if (accept("0") && accept("xX")) {
                digits = "0123456789aAbBcCdDeEfF_";
                exp = "pP";
            }
            while (accept(digits)) {
                // digits
            }
            if (accept(".")) {
                while (accept(digits)) {
                    // fraction
                }
            }
            if (accept(exp)) {
                accept("+-");
                while (accept("0123456789_")) {
                    // exponent
                }
            }
            return buf.toString();
        }
    }
}
