package dev.rulesync.apply.http;

import dev.rulesync.apply.TestGroups;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulerYamlTest {

    @Test
    void aGroupSurvivesWriteAndRead() {
        RuleGroup g = new RuleGroup("g: with colon", "1m", "30s", 5, Map.of("l", "v"), List.of("t1", "t2"),
                TestGroups.full("x", "sum by (job) (up)", "up{job=\"a\"} == 0\n  and on() vector(1)").rules(), null);
        assertThat(RulerYaml.readGroup(RulerYaml.write(g))).isEqualTo(TestGroups.withoutOrigins(g));
    }

    @Test
    void writesTheRulersFieldNamesAndOmitsAbsentOnes() {
        RuleGroup g = TestGroups.full("g", "sum(up)", "up == 0");
        String yaml = RulerYaml.write(g);
        assertThat(yaml).startsWith("name: g\n").doesNotContain("---")
                .contains("query_offset: 30s", "keep_firing_for: 10m", "\n  for: 5m", "record: job:up:sum", "limit: 10");
        String minimal = RulerYaml.write(RuleGroup.of("g", List.of(dev.rulesync.model.Rule.recording("r", "1"))));
        assertThat(minimal).doesNotContain("interval", "labels", "annotations", "source_tenants", "null");
    }

    @Test
    void readsAListingAndTheEmptyAnswer() {
        String yaml = """
                ns/with/slash:
                    - name: g1
                      interval: 1m
                      evaluation_delay: 0s
                      align_evaluation_time_on_interval: false
                      rules:
                        - record: r
                          expr: "1"
                other:
                    - name: g2
                      rules: []
                """;
        Map<String, List<RuleGroup>> l = RulerYaml.readListing(yaml);
        assertThat(l).containsOnlyKeys("ns/with/slash", "other");
        assertThat(l.get("ns/with/slash").get(0).rules().get(0).expr()).isEqualTo("1");
        assertThat(RulerYaml.readListing("{}\n")).isEmpty();
        assertThat(RulerYaml.readListing("")).isEmpty();
    }

    @Test
    void unreadableYamlIsAnErrorNotAnEmptyListing() {
        assertThatThrownBy(() -> RulerYaml.readListing("- just\n- a list"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule listing");
    }
}
