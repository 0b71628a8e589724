package dev.rulesync.validate.promql;

import java.util.List;
import java.util.Map;

import static dev.rulesync.validate.promql.ValueType.MATRIX;
import static dev.rulesync.validate.promql.ValueType.SCALAR;
import static dev.rulesync.validate.promql.ValueType.STRING;
import static dev.rulesync.validate.promql.ValueType.VECTOR;

/**
 * A PromQL function's signature, as in Prometheus' promql/parser/functions.go (v0.316).
 *
 * @param variadic 0: exactly the argument types; n &gt; 0: the last type may repeat so that up to n more
 *                 arguments are allowed, and the last one is optional; -1: the last type repeats without limit
 */
public record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {

    static final Map<String, Function> ALL = build();

    /** Mimir's stable alias of double_exponential_smoothing (promqlext in grafana/mimir). */
    static final Function HOLT_WINTERS = new Function("holt_winters", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, false);

    private static Map<String, Function> build() {
        var m = new java.util.HashMap<String, Function>();
        for (String n : List.of("abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos",
                "cosh", "deg", "exp", "floor", "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev",
                "histogram_stdvar", "ln", "log10", "log2", "rad", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt",
                "tan", "tanh", "timestamp")) {
            put(m, n, List.of(VECTOR), 0, VECTOR, false);
        }
        for (String n : List.of("absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv",
                "first_over_time", "idelta", "increase", "irate", "last_over_time", "max_over_time", "min_over_time",
                "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            put(m, n, List.of(MATRIX), 0, VECTOR, false);
        }
        for (String n : List.of("mad_over_time", "ts_of_first_over_time", "ts_of_max_over_time",
                "ts_of_min_over_time", "ts_of_last_over_time")) {
            put(m, n, List.of(MATRIX), 0, VECTOR, true);
        }
        for (String n : List.of("days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute",
                "month", "year")) {
            put(m, n, List.of(VECTOR), 1, VECTOR, false);
        }
        for (String n : List.of("start", "end", "step", "range")) {
            put(m, n, List.of(), 0, SCALAR, true);
        }
        put(m, "clamp", List.of(VECTOR, SCALAR, SCALAR), 0, VECTOR, false);
        put(m, "clamp_max", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        put(m, "clamp_min", List.of(VECTOR, SCALAR), 0, VECTOR, false);
        put(m, "histogram_fraction", List.of(SCALAR, SCALAR, VECTOR), 0, VECTOR, false);
        put(m, "histogram_quantile", List.of(SCALAR, VECTOR), 0, VECTOR, false);
        put(m, "histogram_quantiles", List.of(VECTOR, STRING, SCALAR, SCALAR), 9, VECTOR, true);
        put(m, "double_exponential_smoothing", List.of(MATRIX, SCALAR, SCALAR), 0, VECTOR, true);
        put(m, "info", List.of(VECTOR, VECTOR), 1, VECTOR, true);
        put(m, "integral", List.of(MATRIX, SCALAR), 1, VECTOR, true);
        put(m, "label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, VECTOR, false);
        put(m, "label_join", List.of(VECTOR, STRING, STRING, STRING), -1, VECTOR, false);
        put(m, "max_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
        put(m, "min_of", List.of(SCALAR, SCALAR), 0, SCALAR, true);
        put(m, "pi", List.of(), 0, SCALAR, false);
        put(m, "predict_linear", List.of(MATRIX, SCALAR), 0, VECTOR, false);
        put(m, "quantile_over_time", List.of(SCALAR, MATRIX), 0, VECTOR, false);
        put(m, "round", List.of(VECTOR, SCALAR), 1, VECTOR, false);
        put(m, "scalar", List.of(VECTOR), 0, SCALAR, false);
        put(m, "sort_by_label", List.of(VECTOR, STRING), -1, VECTOR, true);
        put(m, "sort_by_label_desc", List.of(VECTOR, STRING), -1, VECTOR, true);
        put(m, "start_timestamp", List.of(VECTOR), 0, VECTOR, true);
        put(m, "time", List.of(), 0, SCALAR, false);
        put(m, "vector", List.of(SCALAR), 0, VECTOR, false);
        return java.util.Collections.unmodifiableMap(m); // HashMap: faster lookups than Map.copyOf here
    }

    private static void put(Map<String, Function> m, String name, List<ValueType> args, int variadic,
                            ValueType ret, boolean experimental) {
        m.put(name, new Function(name, args, variadic, ret, experimental));
    }
}
