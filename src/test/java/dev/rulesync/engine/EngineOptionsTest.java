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
import java.util.Set;

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
    void theSharedNameValidationAndTheCommandLineOverrideBothTargets() {
        RuleSyncProperties p = RuleSyncConfigLoader.load(Map.of(), List.of("--rulesync.lint.name-validation=utf8",
                "--rulesync.lint.disabled-checks=group/label"), Map.of());
        ValidationOptions shared = EngineOptions.validation(p.lint());
        assertThat(shared.mimir().names()).isEqualTo(NameValidation.UTF8);
        assertThat(shared.loki().names()).isEqualTo(NameValidation.UTF8);
        ValidationOptions cli = EngineOptions.validation(p.lint(), NameValidation.LEGACY, 0, Set.of("rule/name"));
        assertThat(cli.mimir()).isEqualTo(new TargetRules(NameValidation.LEGACY, 0, false));
        assertThat(cli.loki().names()).isEqualTo(NameValidation.LEGACY);
        assertThat(cli.disabled()).containsExactlyInAnyOrder("group/label", "rule/name");
    }
}
