package dev.rulesync.engine;

import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.loki.LokiApiTarget;
import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirRulerTarget;
import dev.rulesync.apply.s3.LokiS3Target;
import dev.rulesync.config.RuleSyncProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.PlanTarget;
import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;
import dev.rulesync.validate.ExpressionLanguages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The configured ruler targets, built from {@link RuleSyncProperties}: Mimir when {@code mimir.url} is set, Loki's
 * API or its S3 store when Loki is configured. The S3 store gets the LogQL language so that an invalid expression
 * never reaches the bucket (one bad object stops Loki's ruler from loading any tenant).
 */
public final class Rulers implements AutoCloseable {

    private final Map<String, RulerTarget> byName;
    private final List<PlanTarget> planTargets;
    private final List<AutoCloseable> closeables;

    private Rulers(Map<String, RulerTarget> byName, List<PlanTarget> planTargets, List<AutoCloseable> closeables) {
        this.byName = byName;
        this.planTargets = planTargets;
        this.closeables = closeables;
    }

    /** @param decorator applied to every real target (tests count the calls); identity otherwise */
    public static Rulers build(RuleSyncProperties props, ExpressionLanguages languages,
                               UnaryOperator<RulerTarget> decorator) {
        Map<String, RulerTarget> byName = new LinkedHashMap<>();
        List<PlanTarget> planTargets = new ArrayList<>();
        List<AutoCloseable> closeables = new ArrayList<>();
        if (props.mimirEnabled()) {
            RulerTarget t = decorator.apply(new MimirRulerTarget(props.mimir()));
            byName.put(t.name(), t);
            planTargets.add(PlanTarget.of(t, props.naming().forType(RuleType.METRICS),
                    languageFor(languages, RuleType.METRICS)));
        }
        if (props.lokiEnabled()) {
            LokiTargetProperties loki = props.loki();
            RulerTarget real;
            if (loki.mode() == LokiTargetProperties.Mode.S3) {
                LokiS3Target s3 = new LokiS3Target(loki.s3(), loki.timeout(), loki.retry(),
                        languages.forType(RuleType.LOGS).orElse(null));
                closeables.add(s3);
                real = s3;
            } else {
                real = new LokiApiTarget(loki);
            }
            RulerTarget t = decorator.apply(real);
            byName.put(t.name(), t);
            planTargets.add(PlanTarget.of(t, props.naming().forType(RuleType.LOGS),
                    languageFor(languages, RuleType.LOGS)));
        }
        return new Rulers(Map.copyOf(byName), List.copyOf(planTargets), closeables);
    }

    public Map<String, RulerTarget> byName() {
        return byName;
    }

    public List<PlanTarget> planTargets() {
        return planTargets;
    }

    public boolean serves(RuleType type) {
        return byName.values().stream().anyMatch(t -> t.type() == type);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a client at exit: nothing useful to do with a failure
            }
        }
    }

    /**
     * The language the planner compares expressions with. Until a real parser is registered for a type, expressions
     * compare as trimmed text: never equal when they differ, so at worst a reformatted expression is sent once more.
     */
    static ExpressionLanguage languageFor(ExpressionLanguages languages, RuleType type) {
        return languages.forType(type).orElse(AS_TEXT);
    }

    static final ExpressionLanguage AS_TEXT = new ExpressionLanguage() {
        @Override
        public String name() {
            return "text";
        }

        @Override
        public ExpressionAnalysis analyze(String expr) {
            // equal text means equal parse trees; different text may still be equal, then a group is sent once more
            return ExpressionAnalysis.valid("", null, expr::strip, List::of);
        }
    };
}
