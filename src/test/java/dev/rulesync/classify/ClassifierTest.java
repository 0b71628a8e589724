package dev.rulesync.classify;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    private static RuleObject cr(Map<String, String> labels) {
        return new RuleObject(new ObjectRef(ObjectRef.PROMETHEUS_RULE, "ns", "r", null), labels, Map.of(), List.of());
    }

    private static RuleObject file() {
        return new RuleObject(new ObjectRef(ObjectRef.RULE_FILE, null, "rules.yaml", null), Map.of(), Map.of(), List.of());
    }

    @Test
    void tenantAndTypeComeFromLabels() {
        Classification c = new Classifier(ClassifyOptions.DEFAULTS).classify(cr(Map.of("tenant", "team-a", "type", "logs")));
        assertThat(c.problems()).isEmpty();
        assertThat(c.tenant()).isEqualTo("team-a");
        assertThat(c.type()).isEqualTo(RuleType.LOGS);
        assertThat(c.complete()).isTrue();
        RuleObject o = cr(Map.of("tenant", "team-a", "type", "logs"));
        assertThat(c.of(o)).contains(new ClassifiedObject(o, "team-a", RuleType.LOGS));
    }

    @Test
    void labelKeysAreConfigurable() {
        Classifier k = new Classifier(new ClassifyOptions("org", "ruler", null, null));
        Classification c = k.classify(cr(Map.of("org", "o1", "ruler", "metrics", "tenant", "ignored")));
        assertThat(c.tenant()).isEqualTo("o1");
        assertThat(c.type()).isEqualTo(RuleType.METRICS);
        assertThat(k.classify(cr(Map.of("tenant", "t", "type", "metrics"))).problems())
                .extracting(Problem::check).containsExactly("object/tenant", "object/type");
    }

    @Test
    void missingAndUnknownValuesAreProblems() {
        Classification c = new Classifier(ClassifyOptions.DEFAULTS).classify(cr(Map.of("type", "traces")));
        assertThat(c.problems()).extracting(Problem::check).containsExactly("object/tenant", "object/type");
        assertThat(c.problems().get(1).message()).contains("traces");
        assertThat(c.type()).isNull();
        assertThat(c.complete()).isFalse();
        assertThat(c.of(cr(Map.of()))).isEmpty();
    }

    @Test
    void plainFilesTakeTheOptions() {
        Classifier none = new Classifier(ClassifyOptions.DEFAULTS);
        assertThat(none.classify(file()).problems()).extracting(Problem::message)
                .allMatch(m -> m.contains("--tenant") || m.contains("--type"));
        Classification c = new Classifier(ClassifyOptions.DEFAULTS.withFileDefaults("t", RuleType.METRICS)).classify(file());
        assertThat(c.problems()).isEmpty();
        assertThat(c.tenant()).isEqualTo("t");
    }
}
