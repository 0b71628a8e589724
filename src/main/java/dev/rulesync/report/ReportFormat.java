package dev.rulesync.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The output formats of {@code lint}. */
public enum ReportFormat {
    TEXT(new TextReport()), JSON(new JsonReport()), GITHUB(new GithubReport()), SARIF(new SarifReport());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    public void write(LintReport report, Writer out) throws IOException {
        writer.write(report, out);
    }

    public static ReportFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Writes one report in one format. */
    interface ReportWriter {
        void write(LintReport report, Writer out) throws IOException;
    }
}
