package dev.rulesync.apply.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathSegmentsTest {

    @Test
    void encodesEverythingButUnreservedOnce() {
        assertThat(PathSegments.encode("team-a/app_1.x~")).isEqualTo("team-a%2Fapp_1.x~");
        assertThat(PathSegments.encode("100% sure?#&+")).isEqualTo("100%25%20sure%3F%23%26%2B");
        assertThat(PathSegments.encode("ü")).isEqualTo("%C3%BC");
    }
}
