package dev.rulesync.report;

import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code {"problems":[...],"summary":{...}}} for tools. */
final class JsonReport implements ReportFormat.ReportWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem p : report.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.position().file());
            m.put("line", p.position().line());
            m.put("column", p.position().column());
            if (p.hasSpan()) {
                m.put("endLine", p.end().line());
                m.put("endColumn", p.end().column());
            }
            m.put("severity", p.severity().label());
            m.put("check", p.check());
            m.put("message", p.message());
            m.put("object", p.object() == null ? null : p.object().toString());
            m.put("group", p.group());
            m.put("rule", p.rule());
            if (!p.related().isEmpty()) {
                m.put("related", p.related().stream().map(r -> Map.of("path", r.file(), "line", r.line(),
                        "column", r.column())).toList());
            }
            problems.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", report.files());
        summary.put("objects", report.objects());
        summary.put("rules", report.rules());
        summary.put("problems", report.problems().size());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("infos", report.count(Severity.INFO));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("problems", problems);
        root.put("summary", summary);
        out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write('\n');
    }
}
