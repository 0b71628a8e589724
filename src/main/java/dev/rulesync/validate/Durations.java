package dev.rulesync.validate;

import java.util.regex.Pattern;

/** Prometheus durations as the PrometheusRule CRD and Prometheus' model.ParseDuration accept them. */
public final class Durations {

    /** The CRD's pattern: units in descending order, each at most once, or a bare 0. */
    public static final Pattern PATTERN = Pattern.compile(
            "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

    private Durations() {
    }

    /** True for a valid, non-empty duration. (The CRD pattern also matches "", which Prometheus rejects.) */
    public static boolean isValid(String d) {
        return d != null && !d.isEmpty() && PATTERN.matcher(d).matches();
    }

    /** True for a valid duration of length zero ({@code 0}, {@code 0s}, {@code 0h0m}). */
    public static boolean isZero(String d) {
        return isValid(d) && d.chars().filter(Character::isDigit).allMatch(c -> c == '0');
    }
}
