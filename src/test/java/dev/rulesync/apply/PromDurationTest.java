package dev.rulesync.apply;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromDurationTest {

    @Test
    void printsLikePrometheus() {
        assertThat(PromDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(PromDuration.format(Duration.ofDays(90))).isEqualTo("90d"); // not 12w6d: weeks only when exact
        assertThat(PromDuration.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(PromDuration.format(Duration.ofDays(365))).isEqualTo("1y");
        assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void parsesEveryUnitInOrder() {
        assertThat(PromDuration.parse("1y2w3d4h5m6s7ms")).isEqualTo(
                Duration.ofDays(365 + 14 + 3).plusHours(4).plusMinutes(5).plusSeconds(6).plusMillis(7));
        assertThat(PromDuration.parse("0")).isZero();
    }

    @Test
    void rejectsWhatPrometheusRejects() {
        for (String bad : new String[]{"", "1", "5x", "1m1h", "-1m", "1.5m", " 1m"}) {
            assertThatThrownBy(() -> PromDuration.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + bad + "\"");
        }
    }

    @Test
    void storedFormIsCanonicalAndDropsZero() {
        assertThat(PromDuration.stored("60s")).isEqualTo("1m");
        assertThat(PromDuration.stored("0s")).isNull();
        assertThat(PromDuration.stored("0")).isNull();
        assertThat(PromDuration.stored(null)).isNull();
        assertThat(PromDuration.stored("bogus")).isEqualTo("bogus");
    }
}
