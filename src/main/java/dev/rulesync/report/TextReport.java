package dev.rulesync.report;

import dev.rulesync.model.Problem;

import java.io.IOException;
import java.io.Writer;

/** {@code path:line:column: severity: message [check]}, one line per problem, then a summary line. */
final class TextReport implements ReportFormat.ReportWriter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        for (Problem p : report.problems()) {
            out.write(line(p));
            out.write('\n');
        }
        out.write(report.summary());
        out.write('\n');
    }

    static String line(Problem p) {
        String where = p.position().isKnown() ? p.position().toString() : p.position().file();
        return where + ": " + p.severity().label() + ": " + p.message() + " [" + p.check() + "]";
    }
}
