package dev.rulesync.validate.promql;

import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.PromDuration;
import dev.rulesync.validate.promql.Node.AggregateExpr;
import dev.rulesync.validate.promql.Node.AtPreprocessor;
import dev.rulesync.validate.promql.Node.BinaryExpr;
import dev.rulesync.validate.promql.Node.Call;
import dev.rulesync.validate.promql.Node.Cardinality;
import dev.rulesync.validate.promql.Node.DurationExpr;
import dev.rulesync.validate.promql.Node.Matcher;
import dev.rulesync.validate.promql.Node.MatrixSelector;
import dev.rulesync.validate.promql.Node.Modifiers;
import dev.rulesync.validate.promql.Node.NumberLiteral;
import dev.rulesync.validate.promql.Node.ParenExpr;
import dev.rulesync.validate.promql.Node.StringLiteral;
import dev.rulesync.validate.promql.Node.SubqueryExpr;
import dev.rulesync.validate.promql.Node.UnaryExpr;
import dev.rulesync.validate.promql.Node.VectorMatching;
import dev.rulesync.validate.promql.Node.VectorSelector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical single-line form: the same text Prometheus' Expr.String() produces (promql/parser/printer.go), so
 * an expression and the form Mimir stores it in compare equal. Matchers are sorted, grouping and matching labels
 * keep their order, redundant spaces and comments vanish, numbers and durations are normalised.
 */
final class Printer {

    private final StringBuilder b = new StringBuilder(128);

    static String print(Node n) {
        Printer p = new Printer();
        p.write(n);
        return p.b.toString();
    }

    private void write(Node node) {
        switch (node) {
            case AggregateExpr a -> {
                b.append(a.op());
                if (a.without()) {
                    b.append(" without (");
                    labels(a.grouping());
                    b.append(") ");
                } else if (!a.grouping().isEmpty()) {
                    b.append(" by (");
                    labels(a.grouping());
                    b.append(") ");
                }
                b.append('(');
                if (AstBuilder.hasParam(a.op()) && a.param() != null) {
                    write(a.param());
                    if (a.expr() != null) b.append(", ");
                }
                if (a.expr() != null) write(a.expr());
                b.append(')');
            }
            case BinaryExpr e -> {
                write(e.lhs());
                b.append(' ').append(e.op());
                if (e.returnBool()) b.append(" bool");
                matching(e);
                b.append(' ');
                write(e.rhs());
            }
            case Call c -> {
                b.append(c.function().name()).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) b.append(", ");
                    write(c.args().get(i));
                }
                b.append(')');
            }
            case DurationExpr d -> duration(d);
            case MatrixSelector m -> {
                String range = m.rangeExpr() != null ? Printer.print(m.rangeExpr()) : PromDuration.format(m.rangeNanos());
                if (!(m.selector() instanceof VectorSelector vs)) {
                    write(m.selector());
                    b.append('[').append(range).append(']');
                    return;
                }
                selector(vs, false);
                b.append('[').append(range).append(']');
                if (vs.anchored()) b.append(" anchored");
                else if (vs.smoothed()) b.append(" smoothed");
                at(vs.modifiers());
                offset(vs.modifiers());
            }
            case SubqueryExpr s -> {
                write(s.expr());
                b.append('[');
                if (s.rangeExpr() != null) write(s.rangeExpr());
                else b.append(PromDuration.format(s.rangeNanos()));
                b.append(':');
                if (s.stepExpr() != null) write(s.stepExpr());
                else if (s.stepNanos() != 0) b.append(PromDuration.format(s.stepNanos()));
                b.append(']');
                at(s.modifiers());
                offset(s.modifiers());
            }
            case NumberLiteral n -> number(n);
            case ParenExpr p -> {
                b.append('(');
                write(p.expr());
                b.append(')');
            }
            case StringLiteral s -> b.append(GoStrconv.quote(s.value()));
            case UnaryExpr u -> {
                b.append(u.op());
                write(u.expr());
            }
            case VectorSelector v -> selector(v, true);
        }
    }

    private void number(NumberLiteral n) {
        if (n.duration()) {
            // model.Duration(Val * 1e9) truncates, so 1.001s written as 1s1ms prints as 1s, as in Prometheus.
            if (n.value() < 0) b.append('-').append(PromDuration.format(Literals.goInt64(-n.value() * 1e9)));
            else b.append(PromDuration.format(Literals.goInt64(n.value() * 1e9)));
        } else {
            b.append(GoStrconv.formatFloat(n.value()));
        }
    }

    private void selector(VectorSelector v, boolean withModifiers) {
        List<String> parts = new ArrayList<>(v.matchers().size());
        for (Matcher m : v.matchers()) {
            if (m.name().equals("__name__") && m.type() == Matcher.MatchType.EQUAL && m.value().equals(v.name())
                    && !m.value().isEmpty()) {
                continue;
            }
            String name = needsQuoting(m.name()) ? GoStrconv.quote(m.name()) : m.name();
            parts.add(name + m.type().symbol + GoStrconv.quote(m.value()));
        }
        b.append(v.name());
        if (!parts.isEmpty()) {
            // Go's sort.Strings compares bytes; UTF-16 order differs only above the BMP, rare in label text.
            Collections.sort(parts);
            b.append('{').append(String.join(",", parts)).append('}');
        }
        if (!withModifiers) return;
        at(v.modifiers());
        if (v.anchored()) b.append(" anchored");
        else if (v.smoothed()) b.append(" smoothed");
        offset(v.modifiers());
    }

    private void at(Modifiers m) {
        if (m.timestampMs() != null) {
            b.append(" @ ").append(BigDecimal.valueOf(m.timestampMs()).movePointLeft(3).setScale(3, RoundingMode.UNNECESSARY).toPlainString());
        } else if (m.startOrEnd() == AtPreprocessor.START) {
            b.append(" @ start()");
        } else if (m.startOrEnd() == AtPreprocessor.END) {
            b.append(" @ end()");
        }
    }

    private void offset(Modifiers m) {
        if (m.offsetExpr() != null) {
            b.append(" offset ");
            duration(m.offsetExpr());
        } else if (m.offsetNanos() > 0) {
            b.append(" offset ").append(PromDuration.format(m.offsetNanos()));
        } else if (m.offsetNanos() < 0) {
            b.append(" offset -").append(PromDuration.format(-m.offsetNanos()));
        }
    }

    private void duration(DurationExpr d) {
        if (d.wrapped()) b.append('(');
        switch (d.op()) {
            case "step" -> b.append("step()");
            case "range" -> b.append("range()");
            case "min_of", "max_of" -> {
                b.append(d.op()).append('(');
                write(d.lhs());
                b.append(", ");
                write(d.rhs());
                b.append(')');
            }
            default -> {
                if (d.lhs() == null) {
                    if (d.op().equals("-")) b.append('-');
                    write(d.rhs());
                } else {
                    write(d.lhs());
                    b.append(' ').append(d.op()).append(' ');
                    write(d.rhs());
                }
            }
        }
        if (d.wrapped()) b.append(')');
    }

    private void matching(BinaryExpr e) {
        VectorMatching vm = e.matching();
        if (vm == null || e.lhs().type() != ValueType.VECTOR || e.rhs().type() != ValueType.VECTOR) return;
        Cardinality card = vm.card();
        boolean grouped = card == Cardinality.MANY_TO_ONE || card == Cardinality.ONE_TO_MANY;
        if (!vm.matchingLabels().isEmpty() || vm.on() || grouped) {
            b.append(vm.on() ? " on (" : " ignoring (");
            labels(vm.matchingLabels());
            b.append(')');
        }
        if (grouped) {
            b.append(card == Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (");
            labels(vm.include());
            b.append(')');
        }
        if (vm.hasFill()) {
            if (vm.fillLeft() != null && vm.fillRight() != null && vm.fillLeft().doubleValue() == vm.fillRight().doubleValue()) {
                b.append(" fill (").append(goV(vm.fillLeft())).append(')');
            } else {
                if (vm.fillLeft() != null) b.append(" fill_left (").append(goV(vm.fillLeft())).append(')');
                if (vm.fillRight() != null) b.append(" fill_right (").append(goV(vm.fillRight())).append(')');
            }
        }
    }

    /** Go's %v for a float64: %g with the shortest representation. */
    private static String goV(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 21) {
            String digits = d.unscaledValue().abs().toString();
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return (v < 0 ? "-" : "") + mant + "e" + e;
        }
        return d.toPlainString();
    }

    private void labels(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(", ");
            String s = names.get(i);
            b.append(legacyInvalid(s) ? GoStrconv.quote(s) : s);
        }
    }

    /** !model.LegacyValidation.IsValidLabelName: grouping labels are quoted unless [a-zA-Z_][a-zA-Z0-9_]*. */
    private static boolean legacyInvalid(String s) {
        if (s.isEmpty()) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9'))) {
                return true;
            }
        }
        return false;
    }

    /** Matcher names use the same rule (labelNameRequiresQuoting with unquoted UTF-8 names off). */
    private static boolean needsQuoting(String s) {
        return legacyInvalid(s);
    }
}
