package dev.rulesync.apply;

import dev.rulesync.apply.loki.LokiRules;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredFormTest {

    private final RuleGroup full = TestGroups.full("g", "sum(up)", "up == 0");

    @Test
    void lokiDropsQueryOffsetGroupLabelsKeepFiringForAndSourceTenants() {
        RuleGroup in = new RuleGroup("g", "60s", "30s", 10, Map.of("l", "v"), List.of("t1"), full.rules(), null);
        RuleGroup s = LokiRules.stored(in);
        assertThat(s.interval()).isEqualTo("1m");
        assertThat(s.queryOffset()).isNull();
        assertThat(s.labels()).isEmpty();
        assertThat(s.sourceTenants()).isEmpty();
        assertThat(s.limit()).isEqualTo(10);
        Rule alert = s.rules().get(1);
        assertThat(alert.keepFiringFor()).isNull();
        assertThat(alert.forDuration()).isEqualTo("5m");
        assertThat(alert.labels()).isEqualTo(full.rules().get(1).labels());
    }

    @Test
    void mimirKeepsEveryField() {
        MimirRulerTarget mimir = new MimirRulerTarget(MimirTargetProperties.of(URI.create("http://127.0.0.1:1")));
        RuleGroup in = new RuleGroup("g", "60s", "30s", 10, Map.of("l", "v"), List.of("t1"), full.rules(), null);
        RuleGroup s = mimir.stored(in);
        assertThat(s.queryOffset()).isEqualTo("30s");
        assertThat(s.sourceTenants()).containsExactly("t1");
        assertThat(s.rules().get(1).keepFiringFor()).isEqualTo("10m");
        assertThat(s.interval()).isEqualTo("1m");
        // Seen on the real Mimir (MimirRulerTargetIT): limit and group labels come back too.
        assertThat(s.limit()).isEqualTo(10);
        assertThat(s.labels()).containsEntry("l", "v");
    }

    @Test
    void zeroDurationsAndLimitReadAsAbsentLikeTheRulersPrintThem() {
        RuleGroup in = new RuleGroup("g", "0s", null, 0, null, null,
                List.of(Rule.alerting("A", "up == 0", "0s", null, null)), null);
        for (RuleGroup s : List.of(LokiRules.stored(in),
                new MimirRulerTarget(MimirTargetProperties.of(URI.create("http://127.0.0.1:1"))).stored(in))) {
            assertThat(s.interval()).isNull();
            assertThat(s.limit()).isNull();
            assertThat(s.rules().get(0).forDuration()).isNull();
        }
    }

    @Test
    void storedKeepsOriginsForThePlannersMessages() {
        dev.rulesync.model.Origin o = dev.rulesync.model.Origin.at(new dev.rulesync.model.Position("f.yaml", 3, 1));
        RuleGroup in = new RuleGroup("g", null, null, null, null, null, List.of(), o);
        assertThat(LokiRules.stored(in).origin()).isSameAs(o);
    }

    @Test
    void durationsComeBackCanonicalAndZeroAsAbsent() {
        assertThat(StoredForm.stored("60s")).isEqualTo("1m");
        assertThat(StoredForm.stored("90s")).isEqualTo("1m30s");
        assertThat(StoredForm.stored("0s")).isNull();
        assertThat(StoredForm.stored("0")).isNull();
        assertThat(StoredForm.stored(null)).isNull();
        assertThat(StoredForm.stored("bogus")).isEqualTo("bogus");
    }
}
