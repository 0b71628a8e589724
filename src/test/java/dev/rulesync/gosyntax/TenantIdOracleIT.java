package dev.rulesync.gosyntax;

import dev.rulesync.model.TenantIds;
import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TenantIds} against dskit's tenant.ValidTenantID (tools/go-oracle), the rule Mimir and Loki apply. The one
 * difference is deliberate: dskit lets "" through, but the rulers answer "no org id" to it, so rule-sync refuses it.
 */
class TenantIdOracleIT {

    private static final String[] PIECES = {"a", "Z", "0", "9", "!", "-", "_", ".", "*", "'", "(", ")", "team",
            "prod", "x".repeat(50), "a", "Z", "0", "9", "!", "-", "_", ".", "*", "'", "(", ")", "team", "prod",
            "x".repeat(50), "/", ":", "|", " ", "#", "\\", "@", "\u00e9", "\u00e4", "\t", "\u0000", ".."};

    @Test
    void sameVerdictAsDskit() {
        List<String> ids = Inputs.glued(List.of(".", "..", "...", "a.", ".a", "x".repeat(150), "x".repeat(151),
                "\u00e9".repeat(75), "\u00e9".repeat(76), "a".repeat(149) + "\u00e9"), PIECES, 8, Inputs.count(20_000), 12);
        List<Ask> asks = new ArrayList<>();
        ids.forEach(id -> asks.add(new Ask("tenant", id)));
        List<Answer> go = GoOracle.ask(asks);
        Disagreements d = new Disagreements("tenant ids");
        int invalid = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean ours = TenantIds.problem(ids.get(i)).isEmpty();
            if (!go.get(i).ok()) invalid++;
            d.check("tenant", ids.get(i), ours ? "valid" : "invalid", go.get(i).ok() ? "valid" : "invalid");
        }
        d.assertNone();
        assertThat(invalid).as("the generator makes both kinds").isBetween(ids.size() / 10, ids.size() * 9 / 10);
        assertThat(GoOracle.ask(List.of(new Ask("tenant", ""))).getFirst().ok()).isTrue();
        assertThat(TenantIds.problem("")).isPresent();
    }
}
