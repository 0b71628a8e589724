package dev.rulesync.gosyntax;

import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link GoStrconv} against Go (tools/go-oracle): strconv.Unquote, Prometheus' strutil.Unquote, strconv.Quote,
 * ParseFloat, ParseInt and the float formats, on edge cases and seeded random inputs.
 */
class GoStrconvOracleIT {

    private static final String[] STRING_PIECES = {"a", "\u00e9", "\u65e5", "\uD83D\uDE00", "\"", "'", "`", "\\",
            "\\\\", "\\\"", "\\'", "\\n", "\\t", "\\a", "\\q", "\\x41", "\\xff", "\\x4", "\\xZZ", "\\u00e9",
            "\\u12", "\\ud800", "\\U0001F600", "\\U00110000", "\\101", "\\400", "\\18", "\\0", "\n", "\r", "\t",
            " ", "\u0000", "\u007f", "\u0085", "\u00a0", "\u00ad", "\u2028", "\uFFFD", "\uFEFF", "\uE000", "\u0378",
            Inputs.rawByte(0xff), Inputs.rawByte(0xc3), Inputs.rawByte(0x80)};

    private static final String[] NUMBER_PIECES = {"0", "1", "7", "8", "9", "12", "_", ".", "e", "E", "p", "P", "x",
            "X", "o", "b", "a", "f", "F", "+", "-", "inf", "Inf", "infinity", "nan", "NaN", "i", " ", "1e308",
            "1e309", "9223372036854775807", "9223372036854775808", "18446744073709551616", "0x8000000000000000"};

    static List<String> quoted(int count) {
        List<String> bodies = Inputs.glued(List.of("", "a", "ab"), STRING_PIECES, 6, count, 5);
        Random r = new Random(Inputs.SEED ^ 6);
        List<String> out = new ArrayList<>(List.of("", "\"", "''", "'a'", "'ab'", "'\\''", "'\"'", "\"'\"",
                "\"\\'\"", "``", "`a`b`", "`a\rb`", "\"a", "a\"", "\"a\"b\"", "'\u00e9'", "'\uD83D\uDE00'",
                "'" + Inputs.rawByte(0xff) + "'", "\"" + Inputs.rawByte(0xff) + "\"", "\"\\u00e9\""));
        for (String body : bodies) {
            String q = new String[] {"\"", "'", "`"}[r.nextInt(3)];
            String end = r.nextInt(20) == 0 ? "" : r.nextInt(20) == 0 ? new String[] {"\"", "'", "`"}[r.nextInt(3)] : q;
            out.add(q + body + end);
        }
        return out;
    }

    static List<String> numbers(int count) {
        return Inputs.glued(List.of("", "0", "-0", "+0", "0x", "0x1p-2", "0x1.8p1", "0x.8p1", "0x1", "1_000",
                "1__0", "_1", "1_", "0_7", "0x_1", "0b101", "0o17", "017", "08", "1e", "1e+", "1e_1", "1_e1", ".",
                ".5", "5.", "-.5e-3", "inf", "+Inf", "-infinity", "infinity", "infin", "nan", "+nan", "NAN",
                "1e400", "-1e400", "1e-400", "4.9e-324", "2.5e-324", "1.7976931348623157e308",
                "1.7976931348623158e308", "1.7976931348623159e308", "0x1p1024", "0x1p-1075", "0x1.fffffffffffffp1023",
                "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                "18446744073709551615", "99999999999999999999x", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000"),
                NUMBER_PIECES, 6, count, 7);
    }

    static List<Double> doubles(int count) {
        Random r = new Random(Inputs.SEED ^ 8);
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.5, 1e6, 999999.0, 1e21, 1e20, 1e-4,
                1e-5, 0.0001234, 123456.0, 1234567.0, 1e100, 1e-100, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 0.2, 0.3, 1.0 / 3,
                0.0000005, 0.0000015, 0.0000025, 2.5e-7, 1.5e-6, 9.9999995, 123.4567895, 5e-7, -5e-7,
                Double.MIN_NORMAL, -Double.MIN_VALUE));
        for (int k = 2; k < 200; k++) out.add(k * Double.MIN_VALUE);
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0 -> out.add(Double.longBitsToDouble(r.nextLong()));
                case 1 -> out.add((double) (r.nextInt(2_000_000) - 1_000_000) / (1 << r.nextInt(24)));
                case 2 -> out.add(Math.pow(10, r.nextInt(60) - 30) * (r.nextInt(1000) - 500));
                default -> out.add(r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15));
            }
        }
        return out;
    }

    static List<String> plain(int count) {
        return Inputs.glued(List.of("", "a\"b", "\\", "\u0007\b\f\n\r\t\u000b", "\u0000\u001f\u007f\u0080\u009f",
                "\uD800", "\uDFFF" + "x", Inputs.rawByte(0xff) + Inputs.rawByte(0x80)), STRING_PIECES, 6, count, 9);
    }

    @Test
    void sameAnswersAsGo() {
        List<String> quoted = quoted(Inputs.count(15_000));
        List<String> numbers = numbers(Inputs.count(15_000));
        List<Double> doubles = doubles(Inputs.count(15_000));
        List<String> plain = plain(Inputs.count(10_000));
        List<Ask> asks = new ArrayList<>();
        for (String q : quoted) {
            asks.add(new Ask("unquote", q));
            asks.add(new Ask("unquote_prom", q));
        }
        for (String s : numbers) {
            asks.add(new Ask("parse_float", s));
            asks.add(new Ask("parse_int", s));
        }
        for (double v : doubles) asks.add(new Ask("format_float", Long.toUnsignedString(Double.doubleToRawLongBits(v))));
        for (String s : plain) asks.add(new Ask("quote", s));
        List<Answer> go = GoOracle.ask(asks);
        Disagreements d = new Disagreements("GoStrconv");
        int k = 0;
        for (String q : quoted) {
            d.check("unquote", q, ours(() -> GoStrconv.unquote(q)), goString(go.get(k++)));
            d.check("unquote_prom", q, ours(() -> GoStrconv.unquotePrometheus(q)), goString(go.get(k++)));
        }
        for (String s : numbers) {
            Answer f = go.get(k++);
            d.check("parse_float", s, ours(() -> bits(GoStrconv.parseFloat(s))),
                    f.ok() ? "ok " + Disagreements.show(bits(Double.longBitsToDouble(f.floatBits()))) : f.err());
            Answer i = go.get(k++);
            d.check("parse_int", s, ours(() -> Long.toString(GoStrconv.parseInt(s, 0))),
                    i.ok() ? "ok " + Disagreements.show(Long.toString(i.n())) : i.err());
        }
        for (double v : doubles) {
            Answer a = go.get(k++);
            d.check("format_float f -1", Double.toString(v), GoStrconv.formatFloat(v), a.str());
            d.check("format_float %f", Double.toString(v), GoStrconv.formatFloat(v, 6), a.str2());
            d.check("format_float %v", Double.toString(v), GoStrconv.formatFloatV(v), a.str3());
        }
        for (String s : plain) {
            Answer a = go.get(k++);
            d.check("quote", s, GoStrconv.quote(s), a.v());
            String c = GoStrconv.canonical(s);
            if (!c.isEmpty()) d.check("quote_rune", s, GoOracle.asJson(GoStrconv.quoteRune(c.codePointAt(0))), a.str());
        }
        System.out.println("GoStrconv: " + quoted.size() + " quoted strings, " + numbers.size() + " numbers, "
                + doubles.size() + " floats, " + plain.size() + " strings to quote");
        d.assertNone();
    }

    private static String bits(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v) + " " + Long.toHexString(Double.doubleToRawLongBits(v));
    }

    private interface Call {
        String run() throws GoSyntaxException;
    }

    private static String ours(Call c) {
        try {
            return "ok " + Disagreements.show(c.run());
        } catch (GoSyntaxException e) {
            return GoOracle.asJson(e.getMessage());
        }
    }

    private static String goString(Answer a) {
        return a.ok() ? "ok " + Disagreements.show(a.v()) : a.err();
    }
}
