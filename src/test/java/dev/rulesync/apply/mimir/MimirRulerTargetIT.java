package dev.rulesync.apply.mimir;

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
class MimirRulerTargetIT extends RulerTargetContract {

    private final Peers peers;
    private final MimirRulerTarget mimir;

    MimirRulerTargetIT(Peers peers) {
        this.peers = peers;
        this.mimir = new MimirRulerTarget(MimirTargetProperties.of(peers.mimirUrl()));
    }

    @Override
    protected RulerTarget target() {
        return mimir;
    }

    @Override
    protected RulerTarget withReadLimit(DataSize limit) {
        return new MimirRulerTarget(new MimirTargetProperties(peers.mimirUrl(), null, null, null, null, null, limit));
    }

    @Override
    protected String readLimitProperty() {
        return "rulesync.mimir.max-response-size";
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

    /**
     * An explicit query_offset of 0 would override the tenant's default, but Mimir does not keep it: GET returns no
     * query_offset at all, so stored() turns 0s into absent (seen on Mimir main 2026-04-23).
     */
    @Test
    void anExplicitZeroQueryOffsetReadsBackAsStored() {
        String tenant = newTenant();
        RuleGroup g = new RuleGroup("zero", null, "0s", null, null, null,
                List.of(Rule.recording("a:b", "sum(up)")), null);
        mimir.setGroup(tenant, "ns", g);
        assertThat(mimir.get(tenant, "ns", "zero")).get().extracting(RuleGroup::queryOffset).isNull();
        assertThat(mimir.get(tenant, "ns", "zero")).contains(mimir.stored(g));
    }

    /**
     * Federated rules (source_tenants) need -ruler.tenant-federation.enabled, which the test Mimir does not set: the
     * upload is then a permanent 400 that says so, and the user sees Mimir's reason.
     */
    @Test
    void aFederatedGroupWithoutFederationIsAPermanentErrorSayingWhy() {
        RuleGroup g = new RuleGroup("fed", null, null, null, null, List.of("team-a", "team-b"),
                List.of(Rule.recording("a:b", "sum(up)")), null);
        assertThatThrownBy(() -> mimir.setGroup(newTenant(), "ns", g))
                .isInstanceOfSatisfying(RulerException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("federation is disabled");
                });
    }
}
