package dev.rulesync.validate.promql;

import dev.rulesync.validate.promql.Node.AggregateExpr;
import dev.rulesync.validate.promql.Node.BinaryExpr;
import dev.rulesync.validate.promql.Node.Call;
import dev.rulesync.validate.promql.Node.DurationExpr;
import dev.rulesync.validate.promql.Node.MatrixSelector;
import dev.rulesync.validate.promql.Node.Modifiers;
import dev.rulesync.validate.promql.Node.ParenExpr;
import dev.rulesync.validate.promql.Node.SubqueryExpr;
import dev.rulesync.validate.promql.Node.UnaryExpr;
import dev.rulesync.validate.promql.Node.VectorSelector;

import java.util.List;

/**
 * Rejects duration expressions ({@code foo[5m+1m]}, {@code offset step()}) when they are switched off, as
 * Prometheus releases before they became standard did.
 */
final class DurationGate {

    private DurationGate() {
    }

    static void check(Node n, List<ParseError> errors) {
        switch (n) {
            case AggregateExpr a -> {
                if (a.param() != null) check(a.param(), errors);
                if (a.expr() != null) check(a.expr(), errors);
            }
            case BinaryExpr b -> {
                check(b.lhs(), errors);
                check(b.rhs(), errors);
            }
            case Call c -> c.args().forEach(x -> check(x, errors));
            case ParenExpr p -> check(p.expr(), errors);
            case UnaryExpr u -> check(u.expr(), errors);
            case MatrixSelector m -> {
                reject(m.rangeExpr(), errors);
                check(m.selector(), errors);
            }
            case SubqueryExpr s -> {
                reject(s.rangeExpr(), errors);
                reject(s.stepExpr(), errors);
                modifiers(s.modifiers(), errors);
                check(s.expr(), errors);
            }
            case VectorSelector v -> modifiers(v.modifiers(), errors);
            default -> { }
        }
    }

    private static void modifiers(Modifiers m, List<ParseError> errors) {
        reject(m.offsetExpr(), errors);
    }

    private static void reject(DurationExpr d, List<ParseError> errors) {
        if (d != null) errors.add(new ParseError(d.start(), d.end(), "experimental duration expression is not enabled"));
    }
}
