package dev.rulesync.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rulesync.testsupport.peers.Kube;
import dev.rulesync.testsupport.peers.KubeServiceAccount;
import dev.rulesync.testsupport.peers.RealKube;
import dev.rulesync.testsupport.peers.TestNamespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** coordination.k8s.io/v1 Leases, by hand and through fabric8's LeaderElector, as the controller will use them. */
@RealKube
class LeaseWireIT {

    @Test
    void aLeaseIsCreatedRenewedAndGuardedByItsResourceVersion(Kube kube, TestNamespace ns) {
        ZonedDateTime acquired = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        var leases = kube.admin().leases().inNamespace(ns.name());
        Lease created = leases.resource(new LeaseBuilder().withNewMetadata().withName("rule-sync").endMetadata()
                .withNewSpec().withHolderIdentity("a").withLeaseDurationSeconds(15)
                .withAcquireTime(acquired).withRenewTime(acquired).endSpec().build()).create();
        // MicroTime: microseconds survive the round trip.
        assertThat(created.getSpec().getRenewTime()).isEqualTo(acquired);

        ZonedDateTime renewed = acquired.plusSeconds(5).plusNanos(123_000);
        Lease renewal = leases.withName("rule-sync").get();
        renewal.getSpec().setRenewTime(renewed);
        Lease afterRenewal = leases.resource(renewal).update();
        assertThat(afterRenewal.getSpec().getRenewTime()).isEqualTo(renewed);
        assertThat(afterRenewal.getMetadata().getResourceVersion())
                .isNotEqualTo(created.getMetadata().getResourceVersion());

        // A second holder that read the lease before the renewal loses the race: 409 Conflict, nothing changed.
        created.getSpec().setHolderIdentity("b");
        assertThatThrownBy(() -> leases.resource(created).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(leases.withName("rule-sync").get().getSpec().getHolderIdentity()).isEqualTo("a");
    }

    @Test
    void aSecondElectorTakesOverOnceTheLeaderStopsRenewing(Kube kube, TestNamespace ns) {
        // fabric8's leader election needs exactly get, create and patch on leases (see the last test); each
        // elector acts as its own ServiceAccount.
        KubeServiceAccount first = electorAccount(ns, "elector-a");
        KubeServiceAccount second = electorAccount(ns, "elector-b");
        List<String> log = new CopyOnWriteArrayList<>();

        CompletableFuture<?> a = elect(first, ns, "a", log, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> log.contains("a leads"));
        CompletableFuture<?> b = elect(second, ns, "b", log, false);
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> !log.contains("b leads"));

            a.cancel(true); // a crash as far as the lease can tell: no release
            await().atMost(Duration.ofSeconds(30)).until(() -> log.contains("b leads"));

            Lease lease = kube.admin().leases().inNamespace(ns.name()).withName("rule-sync").get();
            assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("b");
            assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
            assertThat(log).containsSubsequence("a leads", "a stops", "b leads");
        } finally {
            b.cancel(true);
        }
    }

    @Test
    void aReleasedLeaseIsTakenOverWithoutWaitingForItToExpire(Kube kube, TestNamespace ns) {
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<?> a = elect(electorAccount(ns, "elector-a"), ns, "a", log, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> log.contains("a leads"));

        a.cancel(true);
        // Released: the lease says it lasts one second from now, so anyone may take it a second later.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kube.admin().leases()
                .inNamespace(ns.name()).withName("rule-sync").get().getSpec().getLeaseDurationSeconds()).isEqualTo(1));

        long began = System.nanoTime();
        CompletableFuture<?> b = elect(electorAccount(ns, "elector-b"), ns, "b", log, true);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> log.contains("b leads"));
            // Well inside the 10 s lease duration that a crashed leader would have cost.
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(8));
        } finally {
            b.cancel(true);
        }
    }

    @Test
    void fabric8RenewsWithPatchSoTheVerbsOfClientGoAreNotEnough(Kube kube, TestNamespace ns) {
        // client-go's resource locks need get, create and update; fabric8's LeaseLock renews with a PATCH.
        KubeServiceAccount clientGoVerbs = ns.serviceAccount("client-go-verbs")
                .grant(Kube.rule("coordination.k8s.io", "leases", "get", "create", "update"));
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<?> elector = elect(clientGoVerbs, ns, "a", log, false);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> log.contains("a leads")); // create is enough
            var lease = kube.admin().leases().inNamespace(ns.name()).withName("rule-sync");
            ZonedDateTime acquired = lease.get().getSpec().getRenewTime();

            // Renewals (every 0.5 s) are refused, so the renew deadline passes and the elector gives up.
            await().atMost(Duration.ofSeconds(20)).until(() -> log.contains("a stops"));
            assertThat(lease.get().getSpec().getRenewTime()).isEqualTo(acquired);

            clientGoVerbs.grant(Kube.rule("coordination.k8s.io", "leases", "get", "create", "patch"));
            CompletableFuture<?> again = elect(clientGoVerbs, ns, "a2", log, false);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> log.contains("a2 leads"));
                await().atMost(Duration.ofSeconds(10)).until(() -> lease.get().getSpec().getRenewTime()
                        .isAfter(lease.get().getSpec().getAcquireTime()));
            } finally {
                again.cancel(true);
            }
        } finally {
            elector.cancel(true);
        }
    }

    private static KubeServiceAccount electorAccount(TestNamespace ns, String name) {
        return ns.serviceAccount(name).grant(Kube.rule("coordination.k8s.io", "leases", "get", "create", "patch"));
    }

    private static CompletableFuture<?> elect(KubeServiceAccount account, TestNamespace ns, String identity,
            List<String> log, boolean releaseOnCancel) {
        return account.client().leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("rule-sync")
                .withLock(new LeaseLock(ns.name(), "rule-sync", identity))
                .withLeaseDuration(Duration.ofSeconds(10))
                .withRenewDeadline(Duration.ofSeconds(6))
                .withRetryPeriod(Duration.ofMillis(500))
                .withReleaseOnCancel(releaseOnCancel)
                .withLeaderCallbacks(new LeaderCallbacks(() -> log.add(identity + " leads"),
                        () -> log.add(identity + " stops"), leader -> log.add(identity + " sees " + leader)))
                .build()).build().start();
    }
}
