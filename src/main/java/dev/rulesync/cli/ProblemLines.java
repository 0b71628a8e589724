package dev.rulesync.cli;

import dev.rulesync.model.Problem;

/** One problem as {@code lint}'s text format prints it: {@code path:line:column: severity: message [check]}. */
final class ProblemLines {

    private ProblemLines() {
    }

    static String line(Problem p) {
        String where = p.position().isKnown() ? p.position().toString() : p.position().file();
        return where + ": " + p.severity().label() + ": " + p.message() + " [" + p.check() + "]";
    }
}
