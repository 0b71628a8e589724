package dev.rulesync.engine;

import dev.rulesync.validate.ExpressionAnalysis;
import dev.rulesync.validate.ExpressionLanguage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An expression language that remembers the analysis of each distinct expression text for one command run. The
 * validator analyses every desired expression, and the planner then compares the canonical forms of the desired and
 * the remote expression of every rule; the ruler returns the text we sent, so on a re-sync both are the text the
 * validator already parsed and each expression is parsed once per run (10,000 rules: 20,000 parses fewer). Only a
 * cache: the same text always has the same analysis, so verdicts and equality are exactly as without it.
 */
final class CanonicalFormCache implements ExpressionLanguage {

    private final ExpressionLanguage language;
    private final Map<String, ExpressionAnalysis> analyses = new ConcurrentHashMap<>();

    CanonicalFormCache(ExpressionLanguage language) {
        this.language = language;
    }

    @Override
    public String name() {
        return language.name();
    }

    @Override
    public ExpressionAnalysis analyze(String expr) {
        return analyses.computeIfAbsent(expr, language::analyze);
    }
}
