package dev.rulesync.wire;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.engine.Linter;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.NameValidation;
import dev.rulesync.validate.TargetRules;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.rulesync.wire.RulerHttp.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * lint agrees with the real rulers on whole rule groups: every case of {@link DifferentialCases} (names, durations,
 * {@code for} on recording rules, templates, field combinations, group options, sizes, expressions) is posted to
 * the real Mimir ruler API (metrics) and the real Loki ruler API (logs) and linted for that target with the
 * target's settings as the peers run them; lint must find an error exactly when the ruler refuses the group.
 * Loki also accepts rules that can never evaluate (a log query, a regexp that does not compile, a broken template),
 * so every group Loki takes is loaded into a second tenant whose rules are evaluated every second, and the health
 * Loki reports for each rule ({@code /prometheus/api/v1/rules}) is part of its verdict.
 */
@RealPeers
class RulerGroupsDifferentialIT {

    /** Tenants of mimir-runtime.yaml with Mimir's shipped limit of 20 rules per group, legacy and utf8 names. */
    private static final String MIMIR_TENANT = "differential";
    private static final String MIMIR_UTF8_TENANT = "differential-utf8";
    private static final int MIMIR_RULES_PER_GROUP = 20;

    private final RulerHttp mimir;
    private final RulerHttp loki;
    private final Peers peers;
    private final List<DifferentialCases.Case> cases = DifferentialCases.all();

    RulerGroupsDifferentialIT(Peers peers) {
        this.peers = peers;
        this.mimir = new RulerHttp(peers.mimirUrl());
        this.loki = new RulerHttp(peers.lokiUrl());
    }

    @Test
    void lintAgreesWithMimirOnEveryGroup() {
        TargetRules legacy = new TargetRules(NameValidation.LEGACY, MIMIR_RULES_PER_GROUP, false);
        List<Verdict> verdicts = new ArrayList<>();
        for (DifferentialCases.Case c : forType(RuleType.METRICS)) {
            verdicts.add(mimirVerdict(c, MIMIR_TENANT, legacy));
        }
        // the same names against a Mimir that validates UTF-8 names, linted with that setting
        TargetRules utf8 = legacy.withNames(NameValidation.UTF8);
        for (DifferentialCases.Case c : forType(RuleType.METRICS)) {
            if (c.id().contains("name") || c.id().startsWith("issue-")) verdicts.add(mimirVerdict(c, MIMIR_UTF8_TENANT, utf8));
        }
        report("mimir", verdicts);
    }

    @Test
    void lintAgreesWithLokiOnEveryGroupAndItsEvaluation() {
        String tenant = newTenant("differential-loki");
        String evaluated = newTenant("differential-eval");
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (DifferentialCases.Case c : forType(RuleType.LOGS)) {
            String body = c.groupFor(RuleType.LOGS);
            HttpResponse<String> r = loki.postYaml(tenant, "/loki/api/v1/rules/" + c.id(), body);
            boolean accepted = r.statusCode() == 202;
            verdicts.put(c.id(), new Verdict(c.id(), "loki", accepted, accepted ? "" : r.statusCode() + " " + r.body().strip(),
                    lint(body, RuleType.LOGS, ValidationOptions.DEFAULTS)));
            if (accepted) {
                // the same rules, evaluated every second (loki.yaml's evaluation_interval): no interval of the case
                // may hold the first evaluation back
                HttpResponse<String> e = loki.postYaml(evaluated, "/loki/api/v1/rules/" + c.id(), withoutInterval(body));
                assertThat(e.statusCode()).as(RulerHttp.describe(e)).isEqualTo(202);
            }
        }
        // Loki lists no group without rules: nothing of it can fail, so only the others are awaited
        Set<String> withRules = forType(RuleType.LOGS).stream().filter(c -> verdicts.get(c.id()).rulerAccepts())
                .filter(c -> RulerHttp.YAML.readTree(c.groupFor(RuleType.LOGS)).path("rules").size() > 0)
                .map(DifferentialCases.Case::id).collect(Collectors.toSet());
        Map<String, String> health = awaitHealth(evaluated, withRules);
        List<Verdict> judged = new ArrayList<>();
        for (Verdict v : verdicts.values()) {
            String failure = health.get(v.id());
            judged.add(failure == null || failure.isEmpty() ? v
                    : new Verdict(v.id(), "loki", false, "accepted, then every evaluation fails: " + failure, v.lint()));
        }
        assertThat(judged).as("some groups Loki takes can never evaluate, and the suite sees it")
                .anyMatch(v -> v.ruler().startsWith("accepted, then"));
        report("loki", judged);
        for (String id : health.keySet()) loki.delete(evaluated, "/loki/api/v1/rules/" + id);
    }

    private List<DifferentialCases.Case> forType(RuleType type) {
        return cases.stream().filter(c -> c.targets().contains(type)).toList();
    }

    private Verdict mimirVerdict(DifferentialCases.Case c, String tenant, TargetRules rules) {
        String body = c.groupFor(RuleType.METRICS);
        HttpResponse<String> r = mimir.postYaml(tenant, "/prometheus/config/v1/rules/" + c.id(), body);
        boolean accepted = r.statusCode() == 202;
        return new Verdict(c.id() + " (" + tenant + ")", "mimir", accepted,
                accepted ? "" : r.statusCode() + " " + r.body().strip(),
                lint(body, RuleType.METRICS, new ValidationOptions(rules, TargetRules.LOKI, Set.of())));
    }

    /** What lint says of the group as a plain rule file of {@code type}: its errors, none when it would sync. */
    private static List<String> lint(String group, RuleType type, ValidationOptions options) {
        StringBuilder file = new StringBuilder("groups:\n");
        boolean first = true;
        for (String line : group.split("\n", -1)) {
            if (line.isEmpty() && !first) continue;
            file.append(first ? "- " : "  ").append(line).append('\n');
            first = false;
        }
        Linter linter = new Linter(new RuleFileLoader(), new Classifier(new ClassifyOptions(null, null, "t", type)),
                new Validator(options, ExpressionLanguages.builtIn()));
        LoadResult loaded = new RuleFileLoader().load("case.yaml", file.toString());
        List<Problem> problems = new ArrayList<>(loaded.problems());
        for (LoadedObject o : loaded.objects()) problems.addAll(linter.check(o).problems());
        return problems.stream().filter(p -> p.severity() == Severity.ERROR)
                .map(p -> p.check() + ": " + p.message()).toList();
    }

    private static String withoutInterval(String yaml) {
        ObjectNode group = (ObjectNode) RulerHttp.YAML.readTree(yaml);
        group.remove("interval");
        return RulerHttp.YAML.writeValueAsString(group);
    }

    /**
     * Waits until Loki has decided every group (the ruler polls its store every second and evaluates each group
     * every second) and returns each group's rule error, or "" when all its rules evaluate. A group is healthy once
     * all its rules were seen evaluated without error; it cannot evaluate once the same rule was seen failing in two
     * evaluations in a row. A single failure is not enough: an evaluation under way while the ruler reloads a tenant's
     * groups is cancelled ("the client connection is closing"), and the next one succeeds.
     */
    private Map<String, String> awaitHealth(String tenant, Set<String> groups) {
        Map<String, String> decided = new HashMap<>();
        Map<String, String> failedAt = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(1500)).untilAsserted(() -> {
            JsonNode data = JsonMapper.builder().build().readTree(loki.get(tenant, "/prometheus/api/v1/rules").body())
                    .path("data").path("groups");
            for (JsonNode g : data) {
                String id = g.path("file").asString();
                if (decided.containsKey(id)) continue;
                String error = null;
                String evaluatedAt = "";
                boolean all = true;
                for (JsonNode r : g.path("rules")) {
                    String at = r.path("lastEvaluation").asString("");
                    if (at.startsWith("0001-")) all = false;
                    if (error == null && "err".equals(r.path("health").asString())) {
                        error = r.path("lastError").asString();
                        evaluatedAt = at;
                    }
                }
                if (!all) continue;
                if (error == null) {
                    decided.put(id, "");
                } else if (failedAt.containsKey(id) && !failedAt.get(id).equals(evaluatedAt)) {
                    decided.put(id, error);
                } else {
                    failedAt.put(id, evaluatedAt);
                }
            }
            assertThat(decided.keySet()).as("groups whose evaluation is decided").containsAll(groups);
        });
        return decided;
    }

    /** The ruler's verdict and lint's errors for one case; they agree when lint has errors exactly when refused. */
    private record Verdict(String id, String ruler, boolean rulerAccepts, List<String> lint) {
        Verdict(String id, String target, boolean rulerAccepts, String answer, List<String> lint) {
            this(id, rulerAccepts ? "accepted" : answer, rulerAccepts, lint);
        }

        boolean agrees() {
            return rulerAccepts == lint.isEmpty();
        }
    }

    private void report(String target, List<Verdict> verdicts) {
        long accepted = verdicts.stream().filter(Verdict::rulerAccepts).count();
        System.out.printf("%s differential: %d groups, %d accepted, %d refused, %d agree%n", target, verdicts.size(),
                accepted, verdicts.size() - accepted, verdicts.stream().filter(Verdict::agrees).count());
        List<String> disagreements = verdicts.stream().filter(v -> !v.agrees())
                .map(v -> v.id() + "\n    " + target + ": " + v.ruler() + "\n    lint: "
                        + (v.lint().isEmpty() ? "no error" : String.join("; ", v.lint()))).toList();
        assertThat(verdicts).as("cases").hasSizeGreaterThan(200);
        assertThat(accepted).as("accepted cases").isGreaterThan(50);
        assertThat(verdicts.size() - accepted).as("refused cases").isGreaterThan(50);
        assertThat(disagreements).as("groups where lint and " + target + " disagree").isEmpty();
    }
}
