package dev.rulesync.validate;

import dev.rulesync.model.RuleType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Which expression language checks the rules of each type. */
public final class ExpressionLanguages {

    private final Map<RuleType, ExpressionLanguage> byType;

    public ExpressionLanguages(Map<RuleType, ExpressionLanguage> byType) {
        this.byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
    }

    /**
     * The languages the command line and the controller use. PromQL and LogQL are written in their own packages
     * (validate.promql, validate.logql) and are added here when they are merged.
     */
    public static ExpressionLanguages builtIn() {
        return new ExpressionLanguages(Map.of());
    }

    public Optional<ExpressionLanguage> forType(RuleType type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }
}
