package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoRegexp;
import dev.rulesync.validate.logql.Ast.*;

/**
 * Loki's validation after parsing (pkg/logql/syntax/parser.go validateExpr): it walks the tree in Loki's order and
 * reports the first error a node recorded while being built, a sort with a grouping, or a stream selector without
 * a matcher that can only match non-empty values. Parts Loki does not visit (the expressions inside variants(...))
 * are not visited here either, so that our verdict is Loki's.
 */
final class LokiRules {

    private LokiRules() {
    }

    /** The first broken rule: its message and the node it belongs to. */
    record Violation(String message, Object node) {
    }

    static final String EMPTY_MATCHERS = "queries require at least one regexp or equality matcher that does not have "
            + "an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" "
            + "will";

    static Violation validate(Expr e) {
        if (e instanceof SampleExpr s) return sample(s);
        return selector(((LogSelector) e).selector());
    }

    static Violation sample(SampleExpr e) {
        return sample(e, true);
    }

    /** With {@code selectors} false only the errors recorded in nodes count (what building extractors checks). */
    static Violation sample(SampleExpr e, boolean selectors) {
        return switch (e) {
            case BinOp b -> {
                if (b.error() != null) yield new Violation(b.error(), b);
                Violation v = sample((SampleExpr) b.lhs(), selectors);
                yield v != null ? v : sample((SampleExpr) b.rhs(), selectors);
            }
            case Literal l -> l.error() != null ? new Violation(l.error(), l) : null;
            case VectorLiteral v -> v.error() != null ? new Violation(v.error(), v) : null;
            case VectorAggregation a -> {
                if (a.error() != null) yield new Violation(a.error(), a);
                if ((a.op().equals("sort") || a.op().equals("sort_desc")) && !a.grouping().labels().isEmpty()) {
                    yield new Violation("sort and sort_desc doesn't allow grouping by ", a);
                }
                yield sample((SampleExpr) a.left(), selectors);
            }
            case LabelReplace r -> {
                if (r.error() != null) yield new Violation(r.error(), r);
                yield sample((SampleExpr) r.left(), selectors);
            }
            case RangeAggregation r -> {
                if (r.error() != null) yield new Violation(r.error(), r);
                yield selectors ? selector(r.left().left().selector()) : null;
            }
            case Variants v -> selectors ? selector(v.logRange().left().selector()) : null;
        };
    }

    /** At least one matcher must not match the empty string, or the query would read every stream. */
    private static Violation selector(Matchers m) {
        for (Ast.Matcher x : m.matchers()) {
            if (!matchesEmpty(x)) return null;
        }
        return new Violation(EMPTY_MATCHERS, m);
    }

    static boolean matchesEmpty(Ast.Matcher m) {
        return switch (m.type()) {
            case EQ -> m.value().isEmpty();
            case NEQ -> !m.value().isEmpty();
            case RE -> GoRegexp.matcher(m.value()).matchesEmpty();
            case NRE -> !GoRegexp.matcher(m.value()).matchesEmpty();
        };
    }
}
