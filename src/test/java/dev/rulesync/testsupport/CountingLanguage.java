package dev.rulesync.testsupport;

import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real expression language and counts the analyses that reach it, as a wrapper like the engine's per-run
 * cache would: for tests that an expression is parsed once, and that nothing depends on the language's class.
 */
public record CountingLanguage(ExpressionLanguage real, AtomicInteger calls) implements ExpressionLanguage {

    public CountingLanguage(ExpressionLanguage real) {
        this(real, new AtomicInteger());
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public ExpressionAnalysis analyze(String expr) {
        calls.incrementAndGet();
        return real.analyze(expr);
    }
}
