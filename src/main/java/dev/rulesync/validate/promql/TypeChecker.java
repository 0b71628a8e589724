package dev.rulesync.validate.promql;

import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.GoRegexp;
import dev.rulesync.validate.promql.Node.AggregateExpr;
import dev.rulesync.validate.promql.Node.BinaryExpr;
import dev.rulesync.validate.promql.Node.Call;
import dev.rulesync.validate.promql.Node.Cardinality;
import dev.rulesync.validate.promql.Node.DurationExpr;
import dev.rulesync.validate.promql.Node.Matcher;
import dev.rulesync.validate.promql.Node.MatrixSelector;
import dev.rulesync.validate.promql.Node.NumberLiteral;
import dev.rulesync.validate.promql.Node.ParenExpr;
import dev.rulesync.validate.promql.Node.StringLiteral;
import dev.rulesync.validate.promql.Node.SubqueryExpr;
import dev.rulesync.validate.promql.Node.UnaryExpr;
import dev.rulesync.validate.promql.Node.VectorSelector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The checks Prometheus runs on a parsed expression (checkAST in promql/parser/parse.go), in the same order and
 * with the same wording: argument counts and types, operand types, bool/set-operator/grouping rules, subquery
 * operand, selector matchers.
 */
final class TypeChecker {

    private final List<ParseError> errors = new ArrayList<>();
    /** Selectors exempt from the non-empty matcher rule (info()'s second argument). */
    private Set<VectorSelector> bypassEmptyMatcher = Set.of();

    List<ParseError> check(Node root) {
        check((Object) root);
        return errors;
    }

    private void error(Node n, String message) {
        errors.add(new ParseError(n.start(), n.end(), message));
    }

    private void error(int start, int end, String message) {
        errors.add(new ParseError(start, end, message));
    }

    private void expectType(Node n, ValueType want, String context) {
        ValueType t = check((Object) n);
        if (t != want) {
            error(n, "expected type " + want.documented() + " in " + context + ", got " + t.documented());
        }
    }

    private ValueType check(Object o) {
        Node node = (Node) o;
        ValueType type = node.type();
        switch (node) {
            case AggregateExpr a -> {
                if (a.expr() == null) break; // its arity error is already reported
                expectType(a.expr(), ValueType.VECTOR, "aggregation expression");
                switch (a.op()) {
                    case "topk", "bottomk", "quantile", "limitk", "limit_ratio" ->
                            expectType(a.param(), ValueType.SCALAR, "aggregation parameter");
                    case "count_values" -> expectType(a.param(), ValueType.STRING, "aggregation parameter");
                    default -> { }
                }
            }
            case BinaryExpr b -> checkBinary(b);
            case Call c -> checkCall(c);
            case ParenExpr p -> check((Object) p.expr());
            case UnaryExpr u -> {
                ValueType t = check((Object) u.expr());
                if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
                    error(u, "unary expression only allowed on expressions of type scalar or instant vector, got \""
                            + t.documented() + "\"");
                }
            }
            case SubqueryExpr s -> {
                ValueType t = check((Object) s.expr());
                if (t != ValueType.VECTOR) {
                    error(s, "subquery is only allowed on instant vector, got " + t.internal() + " instead");
                }
            }
            case MatrixSelector m -> check((Object) m.selector());
            case VectorSelector v -> checkSelector(v);
            case NumberLiteral n -> { }
            case StringLiteral s -> { }
            case DurationExpr d -> { }
        }
        return type;
    }

    private void checkBinary(BinaryExpr n) {
        ValueType lt = check((Object) n.lhs());
        ValueType rt = check((Object) n.rhs());
        String op = n.op();
        boolean comparison = isComparison(op);
        boolean set = isSet(op);
        if (n.returnBool() && !comparison) {
            error(n.opStart(), n.opEnd(), "bool modifier can only be used on comparison operators");
        }
        if (comparison && !n.returnBool() && rt == ValueType.SCALAR && lt == ValueType.SCALAR) {
            error(n.opStart(), n.opEnd(), "comparisons between scalars must use BOOL modifier");
        }
        Node.VectorMatching vm = n.matching();
        Cardinality card = vm.card();
        if (set && card == Cardinality.ONE_TO_ONE) card = Cardinality.MANY_TO_MANY;
        if (vm.on()) {
            for (String l1 : vm.matchingLabels()) {
                if (vm.include().contains(l1)) {
                    error(n.opStart(), n.opEnd(), "label " + GoStrconv.quote(l1) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            error(n.lhs(), "binary expression must contain only scalar and instant vector types");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            error(n.rhs(), "binary expression must contain only scalar and instant vector types");
        }
        if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
            if (!vm.matchingLabels().isEmpty()) error(n, "vector matching only allowed between instant vectors");
            if (vm.hasFill()) error(n, "filling in missing series only allowed between instant vectors");
        } else if (set) {
            if (card == Cardinality.ONE_TO_MANY || card == Cardinality.MANY_TO_ONE) {
                error(n, "no grouping allowed for " + GoStrconv.quote(op) + " operation");
            }
            if (card != Cardinality.MANY_TO_MANY) error(n, "set operations must always be many-to-many");
            if (vm.hasFill()) error(n, "filling in missing series not allowed for set operators");
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && set) {
            error(n, "set operator " + GoStrconv.quote(op) + " not allowed in binary scalar expression");
        }
    }

    static boolean isComparison(String op) {
        return switch (op) {
            case "==", "!=", "<=", "<", ">=", ">" -> true;
            default -> false;
        };
    }

    static boolean isSet(String op) {
        return op.equals("and") || op.equals("or") || op.equals("unless");
    }

    private void checkCall(Call n) {
        Function f = n.function();
        if (f.returnType() == ValueType.NONE) return; // unknown function, already reported
        int nargs = f.argTypes().size();
        int got = n.args().size();
        if (f.variadic() == 0) {
            if (nargs != got) {
                error(n, "expected " + nargs + " argument(s) in call to " + GoStrconv.quote(f.name()) + ", got " + got);
            }
        } else {
            int na = nargs - 1;
            if (na > got) {
                error(n, "expected at least " + na + " argument(s) in call to " + GoStrconv.quote(f.name()) + ", got " + got);
            } else if (f.variadic() > 0 && na + f.variadic() < got) {
                error(n, "expected at most " + (na + f.variadic()) + " argument(s) in call to "
                        + GoStrconv.quote(f.name()) + ", got " + got);
            }
        }
        if (f.name().equals("info") && got > 1) {
            Node second = n.args().get(1);
            if (second.type() != ValueType.VECTOR) {
                error(n, "expected type instant vector in call to function \"info\", got " + second.type().documented());
            }
            if (second instanceof VectorSelector vs && !vs.name().isEmpty()) {
                error(second, "expected label selectors only, got vector selector instead");
            } else if (second instanceof VectorSelector vs) {
                if (bypassEmptyMatcher.isEmpty()) bypassEmptyMatcher = Collections.newSetFromMap(new IdentityHashMap<>());
                bypassEmptyMatcher.add(vs);
            } else {
                error(second, "expected label selectors only");
            }
        }
        for (int i = 0; i < got; i++) {
            int ti = i;
            if (i >= nargs) {
                if (f.variadic() == 0) break;
                ti = nargs - 1;
            }
            ValueType t = check((Object) n.args().get(i));
            if (t != f.argTypes().get(ti)) {
                error(n.args().get(i), "expected type " + f.argTypes().get(ti).documented() + " in call to function "
                        + GoStrconv.quote(f.name()) + ", got " + t.documented());
            }
        }
    }

    private void checkSelector(VectorSelector n) {
        List<Matcher> ms = n.matchers();
        if (!n.name().isEmpty()) {
            for (int i = 0; i < ms.size() - 1; i++) {
                if (ms.get(i).name().equals("__name__")) {
                    error(n, "metric name must not be set twice: " + GoStrconv.quote(n.name()) + " or "
                            + GoStrconv.quote(ms.get(i).value()));
                }
            }
            return;
        }
        if (bypassEmptyMatcher.contains(n)) return;
        for (Matcher m : ms) {
            if (!matchesEmpty(m)) return;
        }
        error(n, "vector selector must contain at least one non-empty matcher");
    }

    static boolean matchesEmpty(Matcher m) {
        return switch (m.type()) {
            case EQUAL -> m.value().isEmpty();
            case NOT_EQUAL -> !m.value().isEmpty();
            case REGEX -> GoRegexp.matcher(m.value()).matchesEmpty();
            case NOT_REGEX -> !GoRegexp.matcher(m.value()).matchesEmpty();
        };
    }
}
