package dev.rulesync.report;

import dev.rulesync.model.Problem;

import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=...::message}), which the
 * runner turns into annotations on the pull request's diff.
 */
final class GithubReport implements ReportFormat.ReportWriter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        for (Problem p : report.problems()) {
            String level = switch (p.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            StringBuilder sb = new StringBuilder("::").append(level).append(" file=").append(property(p.position().file()));
            if (p.position().isKnown()) {
                sb.append(",line=").append(p.position().line()).append(",col=").append(p.position().column());
                if (p.hasSpan()) {
                    // GitHub's endColumn is inclusive, ours exclusive
                    sb.append(",endLine=").append(p.end().line()).append(",endColumn=").append(p.end().column() - 1);
                }
            }
            sb.append(",title=").append(property(p.check())).append("::").append(data(p.message()));
            out.write(sb.toString());
            out.write('\n');
        }
        out.write(report.summary());
        out.write('\n');
    }

    /** Escaping of the message part, as the Actions runner expects. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a property value, which also must not contain : or ,. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
