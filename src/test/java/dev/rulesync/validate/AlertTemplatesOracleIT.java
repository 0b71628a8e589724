package dev.rulesync.validate;

import dev.rulesync.source.RuleFileLoader;
import dev.rulesync.testsupport.Corpora;
import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AlertTemplates} against Prometheus' own template expander (tools/go-oracle, the check Prometheus' rulefmt
 * and Mimir's ruler make): the same functions, and the same verdict and message for the templates of real rule
 * files (rules/ and the mixins) and for seeded random ones.
 */
class AlertTemplatesOracleIT {

    private static final String[] PIECES = {"{{", "}}", "{{- ", " -}}", " ", "\n", "$labels", ".job", "$value",
            "$externalLabels", "$externalURL", "$x", " | ", "if ", "else", "end", "range ", "with ", "(", ")",
            "\"s\"", "\"", "`", "'c'", "1.5", "-", "/*", "*/", " := ", ", ", "nil", ".", "define ", "template ",
            "block ", "break", "\"__alert_\"", "humanise", "printf", "query \"up\"", "first", "value", "label \"a\"",
            "humanize", "humanizeDuration", "reReplaceAll", "toUpper", "title", "safeHtml", "tmpl", "externalURL",
            "pathPrefix", "urlQueryEscape", "sortByLabel", "strvalue", "args", "match", "graphLink", "tableLink",
            "toTime", "toDuration", "now", "parseDuration", "stripPort", "stripDomain", "humanize1024",
            "humanizePercentage", "humanizeTimestamp", "index", "len"};

    @Test
    void sameFunctionsAsPrometheus() {
        List<String> go = GoOracle.ask(List.of(new Ask("alert_funcs", ""))).getFirst().names();
        assertThat(Set.copyOf(go)).isEqualTo(AlertTemplates.FUNCTIONS);
    }

    @Test
    void sameVerdictAndMessageAsPrometheus() throws IOException {
        List<String> templates = new ArrayList<>(repositoryTemplates());
        int fromRules = templates.size();
        Random random = new Random(Long.getLong("gosyntax.seed", 2026));
        Set<String> generated = new LinkedHashSet<>();
        for (int i = 0, n = Integer.getInteger("gosyntax.count", 20_000); i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(10); k > 0; k--) b.append(PIECES[random.nextInt(PIECES.length)]);
            generated.add(b.toString());
        }
        templates.addAll(generated);
        templates.add("{{define \"__alert_\"}}x{{end}}");
        List<Ask> asks = templates.stream().map(t -> new Ask("alert_template", t, List.of(""))).toList();
        List<Answer> go = GoOracle.ask(asks);
        List<String> differ = new ArrayList<>();
        int goErrors = 0;
        for (int i = 0; i < templates.size(); i++) {
            String t = templates.get(i);
            String ours = AlertTemplates.check(t).map(e -> GoOracle.asJson(e.goMessage())).orElse("ok");
            String theirs = go.get(i).ok() ? "ok" : go.get(i).err();
            if (!go.get(i).ok()) goErrors++;
            if (!ours.equals(theirs)) differ.add(t.replace("\n", "\\n") + "\n    prometheus: " + theirs + "\n    ours: " + ours);
        }
        System.out.println("AlertTemplates: " + templates.size() + " templates (" + fromRules + " from real rule files), "
                + goErrors + " rejected by Prometheus, " + differ.size() + " answered differently");
        assertThat(fromRules).isGreaterThan(300);
        assertThat(differ).as(differ.stream().limit(40).collect(Collectors.joining("\n"))).isEmpty();
        assertThat(goErrors).as("the generator makes both kinds").isBetween(templates.size() / 10, templates.size() * 9 / 10);
    }

    /**
     * Every label and annotation value of the rules in this repository and of the real-world rule files the tests
     * take from the pinned Go modules (Mimir's, Loki's and prometheus-operator's mixins).
     */
    private static List<String> repositoryTemplates() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        RuleFileLoader loader = new RuleFileLoader();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList());
        }
        files.addAll(Corpora.promqlRuleFiles());
        for (Path f : files) {
            for (var o : loader.load(f).objects()) {
                for (var g : o.object().groups()) {
                    for (var r : g.rules()) {
                        out.addAll(r.annotations().values());
                        out.addAll(r.labels().values());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
