package dev.rulesync.apply.loki;

import dev.rulesync.apply.RulerException;
import dev.rulesync.apply.RulerTarget;
import dev.rulesync.apply.RulerTargetContract;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.testsupport.peers.Peers;
import dev.rulesync.testsupport.peers.RealPeers;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealPeers
class LokiApiTargetIT extends RulerTargetContract {

    private final Peers peers;
    private final LokiApiTarget loki;

    LokiApiTargetIT(Peers peers) {
        this.peers = peers;
        this.loki = new LokiApiTarget(LokiTargetProperties.api(peers.lokiUrl()));
    }

    @Override
    protected RulerTarget target() {
        return loki;
    }

    @Override
    protected RulerTarget withReadLimit(DataSize limit) {
        return new LokiApiTarget(new LokiTargetProperties(LokiTargetProperties.Mode.API, peers.lokiUrl(), null, null,
                null, null, null, null, limit));
    }

    @Override
    protected String readLimitProperty() {
        return "rulesync.loki.max-response-size";
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
