package dev.rulesync.cli;

import dev.rulesync.classify.ClassifyOptions;
import dev.rulesync.classify.Classifier;
import dev.rulesync.engine.Linter;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;
import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.validate.ExpressionLanguages;
import dev.rulesync.validate.ValidationOptions;
import dev.rulesync.validate.Validator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-world rules (kube-prometheus, Loki's mixin) must give no problem from our checks once tenant and type are
 * supplied: every check that fires on them is a false positive.
 */
class SharedCorpusLintTest {

    private static final Path CORPUS = corpus();

    /**
     * The shared corpora: {@code rulesync.shared} (Maven sets ../shared), else the nearest {@code shared/corpus}
     * above the checkout, since a git worktree may sit one level deeper than the main checkout.
     */
    static Path corpus() {
        Path configured = Path.of(System.getProperty("rulesync.shared", "../shared"), "corpus");
        if (Files.isDirectory(configured)) return configured;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return configured;
    }

    @Test
    void kubePrometheusIsCleanWithTenantAndTypeLabels() throws IOException {
        RuleFileLoader loader = new RuleFileLoader();
        Linter linter = new Linter(loader, new Classifier(ClassifyOptions.DEFAULTS),
                new Validator(new ValidationOptions(null, 0, java.util.Set.of()), ExpressionLanguages.builtIn()));
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS.resolve("kube-prometheus"))) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(8);
        int rules = 0;
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            LoadResult r = loader.load(f);
            problems.addAll(r.problems());
            assertThat(r.objects()).hasSize(1);
            rules += r.ruleCount();
            for (LoadedObject o : r.objects()) {
                Map<String, String> labels = new LinkedHashMap<>(o.object().labels());
                labels.put("tenant", "platform");
                labels.put("type", "metrics");
                RuleObject labelled = new RuleObject(o.object().ref(), labels, o.object().annotations(), o.object().groups());
                problems.addAll(linter.check(new LoadedObject(labelled, o.origin(), o.problems())).problems());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rules).isGreaterThan(200);
    }

    @Test
    void theMimirGroupLimitWarnsOnTheTwoKubePrometheusGroupsAboveTwenty() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "--disable", "object/tenant,object/type",
                CORPUS.resolve("kube-prometheus").toString());
        // node-exporter.rules has 26 rules, prometheus has 23: Mimir's default limit of 20 would reject both
        assertThat(LintCorpusTest.problems(r)).containsExactly("17:5 group/size", "18:5 group/size");
        assertThat(r.out()).contains("nodeExporter-prometheusRule.yaml").contains("prometheus-prometheusRule.yaml")
                .doesNotContain("\"severity\" : \"error\"");
        assertThat(r.exit()).isZero();
        assertThat(CliRunner.run("lint", "--fail-on", "warning", "--disable", "object/tenant,object/type",
                CORPUS.resolve("kube-prometheus").toString()).exit()).isEqualTo(1);
    }

    @Test
    void lokiMixinPlainFilesAreCleanWithTenantAndType() {
        CliRunner.Result r = CliRunner.run("lint", "--format", "json", "--tenant", "loki-ops", "--type", "metrics",
                CORPUS.resolve("loki-mixin").toString());
        assertThat(LintCorpusTest.problems(r)).as(r.out()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"objects\" : 2");
    }

    @Test
    void theCrdItselfIsSkippedAsNotOurs() {
        CliRunner.Result r = CliRunner.run("lint", CORPUS.resolve("prometheusrule-crd.yaml").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("no problems in 1 file, 0 objects, 0 rules");
    }

}
