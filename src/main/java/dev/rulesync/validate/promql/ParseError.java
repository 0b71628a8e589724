package dev.rulesync.validate.promql;

/**
 * One problem found while parsing or checking, placed like Prometheus places it: {@code start}/{@code end} are
 * code-point offsets into the expression (end exclusive) of the offending token or node.
 */
record ParseError(int start, int end, String message) {
}
