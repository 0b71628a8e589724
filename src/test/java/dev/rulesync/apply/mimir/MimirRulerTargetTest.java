package dev.rulesync.apply.mimir;

import dev.rulesync.apply.RulerException;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MimirRulerTargetTest {

    private final MimirRulerTarget mimir = new MimirRulerTarget(MimirTargetProperties.of(URI.create("http://mimir:8080/")));

    @Test
    void encodesEachSegmentOnceAndKeepsSlashAsPercent2F() {
        URI uri = mimir.uri("team-a/app", "100% up");
        assertThat(uri.getRawPath()).isEqualTo("/prometheus/config/v1/rules/team-a%2Fapp/100%25%20up");
        assertThat(uri.toString()).startsWith("http://mimir:8080/prometheus/");
    }

    @Test
    void prefixIsConfigurable() {
        MimirRulerTarget bare = new MimirRulerTarget(new MimirTargetProperties(URI.create("http://m"), "api/", null,
                null, null, null, null));
        assertThat(bare.uri("ns").getRawPath()).isEqualTo("/api/config/v1/rules/ns");
        MimirRulerTarget none = new MimirRulerTarget(new MimirTargetProperties(URI.create("http://m"), "", null,
                null, null, null, null));
        assertThat(none.uri().getRawPath()).isEqualTo("/config/v1/rules");
    }

    @Test
    void slashIsAllowedButEmptyAndDotNamesAreNot() {
        assertThat(mimir.nameProblem("a/b", "c/d")).isEmpty();
        assertThat(mimir.nameProblem("", "g")).isPresent();
        assertThat(mimir.nameProblem("ns", "..")).isPresent();
        assertThatThrownBy(() -> mimir.setGroup("t", ".", RuleGroup.of("g", List.of())))
                .isInstanceOfSatisfying(RulerException.class, e -> assertThat(e.permanent()).isTrue());
    }
}
