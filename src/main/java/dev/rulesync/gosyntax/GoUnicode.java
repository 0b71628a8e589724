package dev.rulesync.gosyntax;

import java.util.Locale;

/**
 * The few predicates of Go's unicode package that Go's parsers use. Categories come from the running JDK's Unicode
 * tables; Go 1.26 has Unicode 15.0 (as JDK 21), so characters new in later versions may differ.
 */
public final class GoUnicode {

    private GoUnicode() {
    }

    /** unicode.IsPrint (and strconv.IsPrint): letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int c) {
        if (c <= 0xFF) {
            return c >= 0x20 && c <= 0x7E || c >= 0xA1 && c != 0xAD;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** unicode.IsSpace: Latin-1 white space and Unicode's White_Space characters. */
    public static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    /** unicode.IsNumber: categories Nd, Nl, No. */
    public static boolean isNumber(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** fmt's %#U: {@code U+0071 'q'}, without the quoted character when it is not printable. */
    public static String formatU(int cp) {
        String u = String.format(Locale.ROOT, "U+%04X", cp);
        return isPrint(cp) ? u + " '" + new String(Character.toChars(cp)) + "'" : u;
    }
}
