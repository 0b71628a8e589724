package dev.rulesync.report;

import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;

import java.util.List;

/**
 * The outcome of linting a set of files: every problem in file order, and what was read.
 *
 * @param problems problems, sorted by file, line, column
 * @param files    files read
 * @param objects  rule objects found
 * @param rules    rules found
 */
public record LintReport(List<Problem> problems, int files, int objects, int rules) {

    public LintReport {
        problems = List.copyOf(problems);
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }

    /** True when some problem is at least as severe as {@code threshold}. */
    public boolean hasAtLeast(Severity threshold) {
        return problems.stream().anyMatch(p -> p.severity().compareTo(threshold) >= 0);
    }

    public String summary() {
        long e = count(Severity.ERROR);
        long w = count(Severity.WARNING);
        long i = count(Severity.INFO);
        String found = problems.isEmpty() ? "no problems"
                : plural(problems.size(), "problem") + " (" + plural(e, "error") + ", " + plural(w, "warning")
                + (i > 0 ? ", " + plural(i, "info") : "") + ")";
        return found + " in " + plural(files, "file") + ", " + plural(objects, "object") + ", " + plural(rules, "rule");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

}
