package dev.rulesync.engine;

import dev.rulesync.config.RuleSyncConfigLoader;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.TargetRules;
import dev.rulesync.validate.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping from rulesync.lint.* to the checks' options, as plan, sync and the controller bind it. */
class EngineOptionsTest {

    private static ValidationOptions bound(List<String> args, Map<String, Object> env) {
        RuleSyncProperties p = RuleSyncConfigLoader.load(Map.of(), args, env);
        return EngineOptions.validation(p.lint());
    }

    @Test
    void unsetEachTargetIsJudgedAsItShips() {
        ValidationOptions o = bound(List.of(), Map.of());
        assertThat(o.mimir()).isEqualTo(TargetRules.MIMIR);
        assertThat(o.loki()).isEqualTo(TargetRules.LOKI);
        assertThat(o.disabled()).isEmpty();
        assertThat(o.policy().isEmpty()).isTrue();
    }

    @Test
    void perTargetSettingsBindFromTheEnvironmentAndArguments() {
        ValidationOptions o = bound(List.of("--rulesync.lint.max-rules-per-group=50",
                        "--rulesync.lint.disabled-checks=group/label", "--rulesync.lint.policy.min-for=1m"),
                Map.of("RULESYNC_LINT_MIMIR_NAMEVALIDATION", "utf8", "RULESYNC_LINT_MIMIR_TENANTFEDERATION", "true"));
        assertThat(o.forType(RuleType.METRICS)).isEqualTo(new TargetRules(NameValidation.UTF8, 50, true));
        assertThat(o.forType(RuleType.LOGS)).as("Loki keeps its own").isEqualTo(TargetRules.LOKI);
        assertThat(o.disabled()).containsExactly("group/label");
        assertThat(o.policy().minFor()).isEqualTo(java.time.Duration.ofMinutes(1));
    }

    @Test
    void theSharedNameValidationOverridesBothTargetsAndLintAddsItsDisabledChecks() {
        RuleSyncProperties p = RuleSyncConfigLoader.load(Map.of(), List.of("--rulesync.lint.name-validation=utf8",
                "--rulesync.lint.disabled-checks=group/label"), Map.of("RULESYNC_LINT_MIMIR_TENANTFEDERATION", "true"));
        ValidationOptions o = EngineOptions.validation(p.lint(), List.of("rule/name"));
        assertThat(o.mimir()).isEqualTo(new TargetRules(NameValidation.UTF8, 20, true));
        assertThat(o.loki().names()).isEqualTo(NameValidation.UTF8);
        assertThat(o.disabled()).containsExactlyInAnyOrder("group/label", "rule/name");
    }
}
