package dev.rulesync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ITs' independent encoder reproduces the wire spec's hand-encoded vector. */
class LokiRuleObjectBytesTest {

    @Test
    void reproducesTheSpecVector() {
        byte[] bytes = LokiRuleObjectBytes.group("tenant1", "ns1", "g1", Duration.ofSeconds(60), 0,
                List.of(LokiRuleObjectBytes.Rule.recording("job:up:sum", "sum by (job) (up)")));

        assertThat(LokiRuleObjectBytes.hex(bytes)).isEqualTo(LokiRuleObjectBytes.SPEC_VECTOR_HEX);
    }
}
