package dev.rulesync.gosyntax;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Examples; GoDurationOracleIT compares both duration forms with Go on many more. */
class PromDurationTest {

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    @Test
    void printsLikePrometheus() {
        assertThat(PromDuration.format(nanos(Duration.ofSeconds(90)))).isEqualTo("1m30s");
        assertThat(PromDuration.format(nanos(Duration.ofDays(90)))).isEqualTo("90d"); // not 12w6d: weeks only when exact
        assertThat(PromDuration.format(nanos(Duration.ofDays(14)))).isEqualTo("2w");
        assertThat(PromDuration.format(nanos(Duration.ofDays(365)))).isEqualTo("1y");
        assertThat(PromDuration.format(nanos(Duration.ofMillis(1500)))).isEqualTo("1s500ms");
        assertThat(PromDuration.format(0)).isEqualTo("0s");
    }

    @Test
    void parsesEveryUnitInOrder() throws GoSyntaxException {
        assertThat(PromDuration.parse("1y2w3d4h5m6s7ms")).isEqualTo(
                nanos(Duration.ofDays(365 + 14 + 3).plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7)));
        assertThat(PromDuration.parse("0")).isZero();
        assertThat(PromDuration.parse("1h0m0s")).isEqualTo(nanos(Duration.ofHours(1)));
    }

    @Test
    void rejectsWhatPrometheusRejectsWithItsMessage() {
        for (String bad : new String[] {"1", "5x", "1m1h", "-1m", "1.5m", " 1m"}) {
            assertThatThrownBy(() -> PromDuration.parse(bad)).as(bad)
                    .isInstanceOf(GoSyntaxException.class).hasMessageContaining("\"" + bad + "\"");
        }
        assertThatThrownBy(() -> PromDuration.parse("")).hasMessage("empty duration string");
        assertThatThrownBy(() -> PromDuration.parse("300y")).hasMessage("duration out of range");
        assertThat(PromDuration.isValid("292y")).isTrue();
    }

    @Test
    void goDurationsTakeFractionsSignsAndSmallUnits() throws GoSyntaxException {
        assertThat(GoDuration.parse("1.5h")).isEqualTo(nanos(Duration.ofMinutes(90)));
        assertThat(GoDuration.parse("-300ms")).isEqualTo(-300_000_000L);
        assertThat(GoDuration.parse("2\u00b5s")).isEqualTo(2000);
        assertThat(GoDuration.format(nanos(Duration.ofMinutes(90)))).isEqualTo("1h30m0s");
        assertThat(GoDuration.format(1_500_000)).isEqualTo("1.5ms");
        assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessage("time: unknown unit \"d\" in duration \"1d\"");
    }
}
