package dev.rulesync.apply.loki;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.RulerTargetContract;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPeers
class LokiApiTargetIT extends RulerTargetContract {

    private final LokiApiTarget loki;

    LokiApiTargetIT(Peers peers) {
        this.loki = new LokiApiTarget(LokiTargetProperties.api(peers.lokiUrl()));
    }

    @Override
    protected RulerTarget target() {
        return loki;
    }

    @Test
    void anInvalidLogqlExpressionIsAPermanentErrorWithLokisMessage() {
        RuleGroup bad = RuleGroup.of("bad", List.of(Rule.recording("r", "sum(rate({job=\"a\"}[5m])")));
        assertThatThrownBy(() -> loki.setGroup(newTenant(), "ns", bad))
                .isInstanceOfSatisfying(RulerException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("could not parse expression");
                });
    }
}
