package dev.rulesync.validate.logql;

import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** The conformance corpus, offered to the benchmark package. */
public final class LogqlBenchCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogqlBenchCorpus() {
    }

    public static List<String> expressions() {
        return LogqlCorpus.all();
    }

    public static List<String> asJsonLines(List<String> exprs) {
        return exprs.stream().map(JSON::writeValueAsString).toList();
    }
}
