package dev.rulesync.validate.logql;

import dev.rulesync.testsupport.GoTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real Loki parser (tools/logql-oracle, a Go program built against Loki v3.x), run as a process.
 */
final class LokiOracle {

    /** What one of Loki's entry points said. */
    record Verdict(boolean ok, String error, String string) {
    }

    /**
     * Loki's verdict as a query (ParseExpr), as a rule (ParseSampleExpr), and as a rule whose pipelines Loki can
     * build when it runs it (ParseSampleExpr + Extractors).
     */
    record Judgement(Verdict query, Verdict rule, Verdict eval) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LokiOracle() {
    }

    /** The oracle binary, built on first use by {@link GoTools} (slow the first time: Go downloads Loki's modules). */
    static Path binary() {
        return GoTools.binary("logql-oracle");
    }

    /** Streams the expressions through one oracle process; the answers come back in order. */
    static List<Judgement> judge(List<String> exprs) {
        List<String> lines = exprs.stream().map(JSON::writeValueAsString).toList();
        return GoTools.exchange("logql-oracle", List.of("check"), lines).stream().map(line -> {
            JsonNode n = JSON.readTree(line);
            return new Judgement(verdict(n.get("query")), verdict(n.get("rule")), verdict(n.get("eval")));
        }).toList();
    }

    private static Verdict verdict(JsonNode n) {
        return new Verdict(n.path("ok").asBoolean(false), n.path("err").asString(""), n.path("string").asString(""));
    }
}
