package dev.rulesync.report;

import dev.rulesync.model.Problem;
import dev.rulesync.model.Severity;
import dev.rulesync.validate.CheckInfo;
import dev.rulesync.validate.Checks;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, the format code-scanning UIs read: one run whose tool rules are the checks and whose results carry
 * a physical location (relative URI, line, column).
 */
final class SarifReport implements ReportFormat.ReportWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        List<CheckInfo> checks = new ArrayList<>(Checks.all());
        for (Problem p : report.problems()) {
            if (Checks.find(p.check()).isEmpty() && checks.stream().noneMatch(c -> c.name().equals(p.check()))) {
                checks.add(new CheckInfo(p.check(), p.severity(), "Expression syntax (" + p.check() + ")."));
            }
        }
        for (CheckInfo c : checks) {
            ruleIndex.put(c.name(), rules.size());
            rules.add(map("id", c.name(), "name", c.name(), "shortDescription", map("text", c.description()),
                    "defaultConfiguration", map("level", level(c.severity()))));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Problem p : report.problems()) {
            Map<String, Object> artifact = map("uri", uri(p.position().file()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", artifact);
            if (p.position().isKnown()) {
                Map<String, Object> region = map("startLine", p.position().line(), "startColumn", p.position().column());
                if (p.hasSpan()) {
                    region.put("endLine", p.end().line());
                    region.put("endColumn", p.end().column());
                }
                physical.put("region", region);
            }
            Map<String, Object> result = map("ruleId", p.check(), "ruleIndex", ruleIndex.get(p.check()),
                    "level", level(p.severity()), "message", map("text", p.message()),
                    "locations", List.of(map("physicalLocation", physical)));
            if (!p.related().isEmpty()) {
                List<Map<String, Object>> related = new ArrayList<>();
                for (var r : p.related()) {
                    related.add(map("id", related.size(), "physicalLocation", map("artifactLocation",
                            map("uri", uri(r.file())), "region", map("startLine", r.line(), "startColumn", r.column()))));
                }
                result.put("relatedLocations", related);
            }
            results.add(result);
        }
        Map<String, Object> driver = map("name", "rule-sync", "rules", rules);
        Map<String, Object> run = map("tool", map("driver", driver), "results", results);
        Map<String, Object> root = map("$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                "runs", List.of(run));
        out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write('\n');
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Relative paths with forward slashes, as code scanning matches them against the repository. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        return p.replace(" ", "%20");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
