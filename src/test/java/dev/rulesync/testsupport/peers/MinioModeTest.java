package dev.rulesync.testsupport.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How -Drulesync.peers.minio picks MinIO's mode. */
class MinioModeTest {

    @Test
    void autoAsksForDockerAndFollowsTheAnswer() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(MinioMode.choose("auto", () -> asked.incrementAndGet() > 0)).isEqualTo(MinioMode.CONTAINER);
        assertThat(MinioMode.choose("", () -> false)).isEqualTo(MinioMode.PROCESS);
        assertThat(asked).hasValue(1);
    }

    @Test
    void anExplicitModeWinsWithoutAskingForDocker() {
        assertThat(MinioMode.choose("process", () -> {
            throw new AssertionError("must not probe Docker");
        })).isEqualTo(MinioMode.PROCESS);
        assertThat(MinioMode.choose(" Container ", () -> false)).isEqualTo(MinioMode.CONTAINER);
    }

    @Test
    void anUnknownModeIsRefusedWithThePropertyName() {
        assertThatThrownBy(() -> MinioMode.choose("docker", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Drulesync.peers.minio=docker")
                .hasMessageContaining("auto, process or container");
    }
}
