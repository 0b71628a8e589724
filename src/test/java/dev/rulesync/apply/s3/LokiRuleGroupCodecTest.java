package dev.rulesync.apply.s3;

import dev.rulesync.apply.TestGroups;
import dev.rulesync.apply.loki.LokiRules;
import dev.rulesync.apply.s3.proto.LokiRuleGroup;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LokiRuleGroupCodecTest {

    /** docs/ruler-wire-spec.md section 3: tenant1/ns1/g1, interval 60s, one recording rule. */
    private static final String SPEC_VECTOR = "0a02673112036e73311a02083c22210a1173756d20627920286a6f62292028757029"
            + "120a6a6f623a75703a73756d2200320774656e616e7431";

    @Test
    void writesTheSpecsTestVectorByteForByte() {
        RuleGroup g = new RuleGroup("g1", "60s", null, null, null, null,
                List.of(Rule.recording("job:up:sum", "sum by (job) (up)")), null);
        byte[] bytes = LokiRuleGroupCodec.encode("tenant1", "ns1", g).toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(SPEC_VECTOR);
    }

    @Test
    void writesZeroIntervalAndForLikeGo() {
        RuleGroup g = RuleGroup.of("g", List.of(Rule.recording("r", "1")));
        String hex = HexFormat.of().formatHex(LokiRuleGroupCodec.encode("t", "n", g).toByteArray());
        assertThat(hex).contains("1a00").contains("2200");
    }

    @Test
    void readsTheSpecsTestVector() throws Exception {
        LokiRuleGroup p = LokiRuleGroup.parseFrom(HexFormat.of().parseHex(SPEC_VECTOR));
        assertThat(p.getUser()).isEqualTo("tenant1");
        assertThat(p.getNamespace()).isEqualTo("ns1");
        RuleGroup g = LokiRuleGroupCodec.decode(p);
        assertThat(g).isEqualTo(new RuleGroup("g1", "1m", null, null, null, null,
                List.of(Rule.recording("job:up:sum", "sum by (job) (up)")), Origin.NONE));
    }

    @Test
    void labelsAndAnnotationsAreWrittenSortedByName() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zeta", "1");
        labels.put("alpha", "2");
        RuleGroup g = RuleGroup.of("g", List.of(Rule.alerting("A", "x", "1m", labels, Map.of("b", "1", "a", "2"))));
        LokiRuleGroup p = LokiRuleGroupCodec.encode("t", "n", g);
        assertThat(p.getRules(0).getLabelsList()).extracting(l -> l.getName().toStringUtf8()).containsExactly("alpha", "zeta");
        assertThat(p.getRules(0).getAnnotationsList()).extracting(l -> l.getName().toStringUtf8()).containsExactly("a", "b");
    }

    @Test
    void decodingGivesWhatLokiStores() {
        RuleGroup full = TestGroups.full("g", "sum(rate({job=\"a\"}[5m]))", "count_over_time({job=\"a\"}[1m]) > 0");
        RuleGroup back = LokiRuleGroupCodec.decode(LokiRuleGroupCodec.encode("t", "n", full));
        assertThat(back).isEqualTo(TestGroups.withoutOrigins(LokiRules.stored(full)));
    }

    @Test
    void refusesWhatLokiCouldNotLoad() {
        RuleGroup badDuration = new RuleGroup("g", "5x", null, null, null, null, List.of(), null);
        assertThatThrownBy(() -> LokiRuleGroupCodec.encode("t", "n", badDuration))
                .hasMessageContaining("interval").hasMessageContaining("5x");
        RuleGroup both = RuleGroup.of("g", List.of(new Rule("r", "A", "1", null, null, null, null, null)));
        assertThatThrownBy(() -> LokiRuleGroupCodec.encode("t", "n", both)).hasMessageContaining("rule 0");
        RuleGroup noExpr = RuleGroup.of("g", List.of(Rule.recording("r", " ")));
        assertThatThrownBy(() -> LokiRuleGroupCodec.encode("t", "n", noExpr)).hasMessageContaining("expr");
    }
}
