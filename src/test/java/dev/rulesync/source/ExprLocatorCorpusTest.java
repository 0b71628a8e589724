package dev.rulesync.source;

import dev.rulesync.model.Position;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.Corpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On real rule files (Mimir's, Loki's and prometheus-operator's mixins as plain files and as PrometheusRule objects:
 * plain, quoted and block expressions), every visible character of every expression must map to the very same
 * character in the file.
 */
class ExprLocatorCorpusTest {

    @Test
    void everyExpressionCharacterMapsToItself() throws IOException {
        List<Path> files = Corpora.promqlRuleFiles();
        RuleFileLoader loader = new RuleFileLoader();
        int checked = 0;
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            LoadResult r = loader.load(f);
            for (LoadedObject o : r.objects()) {
                for (RuleGroup g : o.object().groups()) {
                    for (Rule rule : g.rules()) {
                        checked += checkRule(lines, rule);
                    }
                }
            }
        }
        assertThat(checked).as("characters checked").isGreaterThan(20_000);
    }

    private static int checkRule(List<String> lines, Rule rule) {
        String[] exprLines = rule.expr().split("\n", -1);
        int n = 0;
        for (int l = 0; l < exprLines.length; l++) {
            int[] cps = exprLines[l].codePoints().toArray();
            for (int c = 0; c < cps.length; c++) {
                if (Character.isWhitespace(cps[c])) continue;
                Position p = rule.origin().exprLocator().locate(l + 1, c + 1);
                String fileLine = lines.get(p.line() - 1);
                int fileCp = fileLine.codePointAt(fileLine.offsetByCodePoints(0, p.column() - 1));
                assertThat(fileCp).as("%s line %d col %d of %s -> %s", rule.name(), l + 1, c + 1, rule.expr(), p)
                        .isEqualTo(cps[c]);
                n++;
            }
        }
        return n;
    }
}
