package dev.rulesync.gosyntax;

import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@link PromDuration} and {@link GoDuration} against Go (tools/go-oracle): model.ParseDuration and
 * time.ParseDuration with their errors, and both String() forms, on edge cases and seeded random inputs.
 */
class GoDurationOracleIT {

    private static final String[] PIECES = {"0", "1", "5", "9", "10", "60", "90", "1000", "9223372036854775807",
            "9223372036854775808", "18446744073709551616", "99999999999999999999", "292", "106751", "y", "w", "d",
            "h", "m", "s", "ms", "us", "\u00b5s", "\u03bcs", "ns", "mm", "M", "S", "min", ".", ".5", "+", "-", " ",
            "_", "\u00e9", "\u0661", Inputs.rawByte(0xff)};

    static List<String> inputs(int count) {
        return Inputs.glued(List.of("", "0", "+0", "-0", "00", "0s", "1h30m", "90s", "1y", "1w", "1d", "1h5d",
                "5m30", "1.5h", ".5s", "5.s", ".s", "1h-1m", "-1h", "+1h", "1ms1s", "1s1ms", "292y", "293y",
                "106751d", "106752d", "15250w", "15251w", "9223372036854775807ns", "9223372036854775808ns",
                "-9223372036854775808ns", "-9223372036854775809ns", "2562047h47m16s854ms", "2562047h47m16.854775807s",
                "2562047h47m16.854775808s", "0.000000001s", "0.0000000001s", "1.0000000000000000001s",
                "0.9223372036854775808s", "1" + "0".repeat(30) + "ns", "0." + "9".repeat(40) + "s"),
                PIECES, 5, count, 10);
    }

    static List<Long> nanos(int count) {
        Random r = new Random(Inputs.SEED ^ 11);
        List<Long> out = new ArrayList<>(List.of(0L, 1L, -1L, 999L, 1000L, 999_999L, 1_000_000L, 1_000_000_000L,
                -1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L, 604_800_000_000_000L,
                31_536_000_000_000_000L, 90L * 86_400_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1));
        for (int i = 0; i < count; i++) {
            long v = switch (i % 3) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong() % 1_000_000_000_000L;
                default -> (r.nextLong() % 100_000) * new long[] {1, 1000, 1_000_000, 1_000_000_000L,
                        60_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L}[r.nextInt(7)];
            };
            out.add(v);
        }
        return out;
    }

    @Test
    void sameAnswersAsGo() {
        List<String> inputs = inputs(Inputs.count(20_000));
        List<Long> nanos = nanos(Inputs.count(10_000));
        List<Ask> asks = new ArrayList<>();
        for (String s : inputs) {
            asks.add(new Ask("prom_duration", s));
            asks.add(new Ask("go_duration", s));
        }
        for (long n : nanos) asks.add(new Ask("format_duration", Long.toString(n)));
        List<Answer> go = GoOracle.ask(asks);
        Disagreements d = new Disagreements("durations");
        int k = 0;
        for (String s : inputs) {
            Answer p = go.get(k++);
            d.check("prom_duration", s, ours(() -> {
                long v = PromDuration.parse(s);
                return v + " " + PromDuration.format(v);
            }), p.ok() ? p.n() + " " + p.str() : p.err());
            Answer g = go.get(k++);
            d.check("go_duration", s, ours(() -> {
                long v = GoDuration.parse(s);
                return v + " " + GoDuration.format(v);
            }), g.ok() ? g.n() + " " + g.str() : g.err());
        }
        for (long n : nanos) {
            Answer a = go.get(k++);
            d.check("model.Duration.String", Long.toString(n), PromDuration.format(n), a.str());
            d.check("time.Duration.String", Long.toString(n), GoDuration.format(n), a.str2());
        }
        System.out.println("durations: " + inputs.size() + " texts, " + nanos.size() + " nanosecond values");
        d.assertNone();
    }

    private interface Call {
        String run() throws GoSyntaxException;
    }

    private static String ours(Call c) {
        try {
            return c.run();
        } catch (GoSyntaxException e) {
            return GoOracle.asJson(e.getMessage());
        }
    }
}
