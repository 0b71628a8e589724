package dev.rulesync.apply.mimir;

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
class MimirRulerTargetIT extends RulerTargetContract {

    private final MimirRulerTarget mimir;

    MimirRulerTargetIT(Peers peers) {
        this.mimir = new MimirRulerTarget(MimirTargetProperties.of(peers.mimirUrl()));
    }

    @Override
    protected RulerTarget target() {
        return mimir;
    }

    @Test
    void anInvalidGroupIsAPermanentErrorWithMimirsMessage() {
        RuleGroup bad = RuleGroup.of("bad", List.of(Rule.recording("not a metric name", "sum(up)")));
        assertThatThrownBy(() -> mimir.setGroup(newTenant(), "ns", bad))
                .isInstanceOfSatisfying(RulerException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not a metric name");
                });
    }
}
