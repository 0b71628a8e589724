package dev.rulesync.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The output formats of {@code lint}. Each writer is made when used: the JSON ones load Jackson's databind (some
 * 350 classes), which a text report does not need at start-up.
 */
public enum ReportFormat {
    TEXT(TextReport::new), JSON(JsonReport::new), GITHUB(GithubReport::new), SARIF(SarifReport::new);

    private final Supplier<ReportWriter> writer;

    ReportFormat(Supplier<ReportWriter> writer) {
        this.writer = writer;
    }

    public void write(LintReport report, Writer out) throws IOException {
        writer.get().write(report, out);
    }

    public static ReportFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Writes one report in one format. */
    interface ReportWriter {
        void write(LintReport report, Writer out) throws IOException;
    }
}
