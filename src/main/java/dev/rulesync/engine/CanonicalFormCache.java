package dev.rulesync.engine;

import dev.rulesync.validate.ExprProblem;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An expression language that remembers the canonical form of each distinct expression text for one command run.
 * The planner compares the canonical forms of the desired and the remote expression of every rule; the ruler
 * returns the text we sent, so on a re-sync the remote text is the desired text and its parse is a cache hit
 * (10,000 rules: 10,000 parses fewer). Only a cache: the same text always has the same canonical form, so equality
 * is exactly as without it, and an expression that cannot be made canonical still throws every time.
 */
final class CanonicalFormCache implements ExpressionLanguage {

    private final ExpressionLanguage language;
    private final Map<String, String> canonical = new ConcurrentHashMap<>();

    CanonicalFormCache(ExpressionLanguage language) {
        this.language = language;
    }

    @Override
    public String name() {
        return language.name();
    }

    @Override
    public List<ExprProblem> check(String expr) {
        return language.check(expr);
    }

    @Override
    public List<ExprProblem> checkEvaluation(String expr) {
        return language.checkEvaluation(expr);
    }

    @Override
    public String canonical(String expr) {
        String known = canonical.get(expr);
        if (known != null) return known;
        String c = language.canonical(expr); // throws for an invalid expression; failures are not cached
        canonical.put(expr, c);
        return c;
    }
}
