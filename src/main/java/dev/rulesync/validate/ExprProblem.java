package dev.rulesync.validate;

/**
 * A problem in an expression's text. Line and column are 1-based and relative to the expression string
 * (columns count Unicode code points); the caller maps them into the source file.
 *
 * @param line    1-based line inside the expression
 * @param column  1-based column inside that line
 * @param message what is wrong, worded like the real parser's message
 */
public record ExprProblem(int line, int column, String message) {
}
