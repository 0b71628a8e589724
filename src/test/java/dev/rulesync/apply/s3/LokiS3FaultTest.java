package dev.rulesync.apply.s3;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.http.FakeRuler;
import dev.rulesync.apply.http.RetryProperties;
import dev.rulesync.apply.loki.LokiTargetProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S3 faults MinIO will not produce on demand (503, a silent endpoint, an access error, an object body without a
 * length that never ends), against a FakeRuler.
 */
class LokiS3FaultTest {

    private static final String EMPTY_LISTING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>rules</Name><Prefix>rules/t/</Prefix>\
            <KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>""";
    private static final String ACCESS_DENIED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>/rules</Resource></Error>""";

    private final FakeRuler fake = new FakeRuler();

    @AfterEach
    void stop() {
        fake.close();
    }

    private LokiS3Target store(Duration timeout) {
        return store(timeout, null);
    }

    private LokiS3Target store(Duration timeout, DataSize maxObjectSize) {
        return new LokiS3Target(new LokiTargetProperties.S3(fake.url(), "us-east-1", List.of("rules"), "", "AK", "SK",
                null, true, null, 2, maxObjectSize), timeout,
                new RetryProperties(3, Duration.ofMillis(10), Duration.ofMillis(50)), null);
    }

    @Test
    void a503IsRetriedByTheSdk() {
        fake.answer(503, "").answer(200, EMPTY_LISTING);
        try (LokiS3Target s = store(Duration.ofSeconds(5))) {
            assertThat(s.list("t")).isEmpty();
        }
        assertThat(fake.seen).hasSize(2);
        assertThat(fake.seen.get(0).rawPath()).isEqualTo("/rules"); // path-style: bucket in the path
    }

    @Test
    void accessDeniedIsPermanentAndNotRetried() {
        fake.answer(403, ACCESS_DENIED);
        try (LokiS3Target s = store(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> s.list("t")).isInstanceOfSatisfying(RulerException.class, e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.getMessage()).contains("Access Denied");
            });
        }
        assertThat(fake.seen).hasSize(1);
    }

    @Test
    void aSilentEndpointTimesOutAsATransientError() {
        fake.hang();
        try (LokiS3Target s = store(Duration.ofMillis(500))) {
            assertThatThrownBy(() -> s.list("t")).isInstanceOfSatisfying(RulerException.class, e -> {
                assertThat(e.permanent()).isFalse();
                assertThat(e.status()).isZero();
            });
        }
    }

    @Test
    void anObjectWithoutALengthIsCountedWhileReadAndCutAtTheLimit() {
        String key = new RuleObjectKeys("").key("t", "ns", "g");
        fake.answer(200, EMPTY_LISTING.replace("<KeyCount>0</KeyCount>",
                "<KeyCount>1</KeyCount><Contents><Key>" + key + "</Key><Size>10</Size></Contents>")).endless();
        // the timeout is far away: only the read limit can end this listing in time
        try (LokiS3Target s = store(Duration.ofMinutes(5), DataSize.ofKilobytes(64))) {
            assertThatThrownBy(() -> s.list("t")).isInstanceOfSatisfying(RulerException.class, e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e.getMessage()).contains("loki-s3 get rules/" + key + ": the answer is larger than 64KB",
                        "rulesync.loki.s3.max-object-size");
            });
        }
        assertThat(fake.seen).hasSize(2);
    }
}
