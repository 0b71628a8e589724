package dev.rulesync.report;

import dev.rulesync.model.Problem;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code path:line:column: severity: message [check]}, one line per problem, then a summary line. The head stays
 * the form editors and CI problem matchers parse; the span's end and the related places follow the check.
 */
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
        StringBuilder sb = new StringBuilder(where).append(": ").append(p.severity().label()).append(": ")
                .append(p.message()).append(" [").append(p.check()).append(']');
        if (p.hasSpan()) sb.append(" (to ").append(p.end().line()).append(':').append(p.end().column()).append(')');
        for (var r : p.related()) sb.append(" (see ").append(r).append(')');
        return sb.toString();
    }
}
