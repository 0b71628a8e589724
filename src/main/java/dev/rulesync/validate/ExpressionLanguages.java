package dev.rulesync.validate;

import dev.rulesync.model.RuleType;
import dev.rulesync.validate.logql.LogQL;
import dev.rulesync.validate.promql.PromQL;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Which expression language checks the rules of each type. */
public final class ExpressionLanguages {

    private final Map<RuleType, ExpressionLanguage> byType;

    public ExpressionLanguages(Map<RuleType, ExpressionLanguage> byType) {
        this.byType = byType.isEmpty() ? Map.of() : new EnumMap<>(byType);
    }

    /**
     * The languages the command line and the controller use: PromQL as Mimir's ruler accepts it on upload
     * (experimental functions on, see docs/promql.md) for metrics rules, and
     * LogQL as Loki's ruler accepts it (a sample expression, see docs/logql.md) for logs rules.
     */
    public static ExpressionLanguages builtIn() {
        return new ExpressionLanguages(Map.of(RuleType.METRICS, new PromQL(), RuleType.LOGS, new LogQL()));
    }

    /** The same languages, each wrapped (e.g. in a per-run cache of analyses). */
    public ExpressionLanguages map(UnaryOperator<ExpressionLanguage> wrap) {
        Map<RuleType, ExpressionLanguage> wrapped = new EnumMap<>(RuleType.class);
        byType.forEach((type, language) -> wrapped.put(type, wrap.apply(language)));
        return new ExpressionLanguages(wrapped);
    }

    public Optional<ExpressionLanguage> forType(RuleType type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }
}
