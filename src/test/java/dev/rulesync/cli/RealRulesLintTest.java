package dev.rulesync.cli;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.engine.Linter;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.testsupport.Corpora;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-world rules (Mimir's, Loki's and prometheus-operator's mixins, as plain files and as PrometheusRule objects,
 * from the pinned Go modules of {@link Corpora}) must give no error once tenant and type are supplied: the rulers
 * load them, so an error would be a false positive. The semantic warnings they do get are pinned and judged one by
 * one in {@link MixinLintTest} and docs/lint.md; here the other forms of the same rules get only those kinds.
 */
class RealRulesLintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void realRulesHaveNoErrorsWithTenantAndTypeLabels() throws IOException {
        RuleFileLoader loader = new RuleFileLoader();
        // tenant and type: as labels on PrometheusRule objects, from the "command line" for plain rule files
        Linter linter = new Linter(loader, new Classifier(ClassifyOptions.DEFAULTS.withFileDefaults("platform", RuleType.METRICS)),
                new Validator(new ValidationOptions(null, 0, java.util.Set.of()), ExpressionLanguages.builtIn()));
        int rules = 0;
        int objects = 0;
        List<Problem> problems = new ArrayList<>();
        for (Path f : Corpora.promqlRuleFiles()) {
            LoadResult r = loader.load(f);
            problems.addAll(r.problems());
            assertThat(r.objects()).as(f.toString()).isNotEmpty();
            rules += r.ruleCount();
            for (LoadedObject o : r.objects()) {
                objects++;
                Map<String, String> labels = new LinkedHashMap<>(o.object().labels());
                labels.put("tenant", "platform");
                labels.put("type", "metrics");
                RuleObject labelled = new RuleObject(o.object().ref(), labels, o.object().annotations(), o.object().groups());
                problems.addAll(linter.check(new LoadedObject(labelled, o.origin(), o.problems())).problems());
            }
        }
        assertThat(problems).filteredOn(p -> p.severity() == Severity.ERROR).isEmpty();
        assertThat(problems).extracting(Problem::check)
                .containsOnly("promql/regexp", "alerts/humanize", "alerts/template-label");
        // Mimir's mixin twice (241 rules each) and its bare-metal flavour, Loki's mixin, prometheus-operator's
        assertThat(objects).isGreaterThanOrEqualTo(10);
        assertThat(rules).isGreaterThan(700);
    }

    @Test
    void theMimirGroupLimitRefusesTheFourMimirMixinGroupsAboveTwenty() throws IOException {
        // Mimir's own mixin exceeds Mimir's default ruler_max_rules_per_rule_group of 20 in four groups: a Mimir as it
        // ships refuses them (RulerGroupsDifferentialIT), so they are errors until the limit is raised
        Map<String, List<String>> over20 = Map.of(
                "mixin-alerts.yaml", List.of("mimir_alerts", "mimir_ingest_storage_alerts"),
                "recording-rules.yaml", List.of("mimir_querier_api", "mimir_ingester_queries"));
        List<Path> files = Corpora.mimirHelmRules();
        CliRunner.Result r = lint(files, "--format", "json", "--disable", "object/tenant,object/type");
        // reported at the group's rule list, i.e. its first rule, the first list item after the group's name
        Set<String> expected = new TreeSet<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (String group : over20.get(f.getFileName().toString())) {
                int name = IntStream.range(0, lines.size()).filter(i -> lines.get(i).strip().equals("- name: " + group))
                        .findFirst().orElseThrow(() -> new AssertionError(group + " not in " + f));
                int first = IntStream.range(name + 1, lines.size()).filter(i -> lines.get(i).strip().startsWith("- "))
                        .findFirst().orElseThrow();
                expected.add(f.getFileName() + ":" + (first + 1) + ":" + (lines.get(first).indexOf('-') + 1) + " group/size");
            }
        }
        Set<String> reported = new TreeSet<>();
        for (JsonNode p : JSON.readTree(r.out()).get("problems")) {
            if (!p.get("check").asString().equals("group/size")) continue; // the others: MixinLintTest
            reported.add(Path.of(p.get("path").asString()).getFileName() + ":" + p.get("line").asInt() + ":"
                    + p.get("column").asInt() + " " + p.get("check").asString());
            assertThat(p.get("severity").asString()).isEqualTo("error");
        }
        assertThat(reported).as(r.out()).isEqualTo(expected);
        assertThat(r.exit()).isEqualTo(1);
        CliRunner.Result unlimited = lint(files, "--max-rules-per-group", "0", "--disable", "object/tenant,object/type");
        assertThat(unlimited.out()).doesNotContain("group/size");
        assertThat(unlimited.exit()).isZero();
    }

    @Test
    void lokiMixinPlainFilesAreCleanWithTenantAndType() {
        CliRunner.Result r = lint(Corpora.lokiMixin(), "--format", "json", "--tenant", "loki-ops", "--type", "metrics");
        assertThat(LintCorpusTest.problems(r)).as(r.out()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"objects\" : 2");
    }

    @Test
    void theCrdItselfIsSkippedAsNotOurs() {
        CliRunner.Result r = lint(List.of(Corpora.prometheusRuleCrd()));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("no problems in 1 file, 0 objects, 0 rules");
    }

    private static CliRunner.Result lint(List<Path> files, String... options) {
        return CliRunner.run(Stream.of(Stream.of("lint"), Stream.of(options), files.stream().map(Path::toString))
                .flatMap(x -> x).toArray(String[]::new));
    }
}
