package dev.rulesync.testsupport.peers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a real Kubernetes API server: kube-apiserver and etcd processes on 127.0.0.1, built
 * from their Go modules by {@code scripts/peers.sh}, with RBAC on and the PrometheusRule CRD installed.
 *
 * <p>One server per JVM, shared by every annotated class (the first starts it, the end of the run stops it). Tests
 * get {@link Kube} and a fresh {@link TestNamespace} as parameters (constructor, {@code @BeforeAll} for Kube;
 * {@code @BeforeEach} and {@code @Test} for both) or use {@link Kube#current()}. When a test fails, the ends of the
 * etcd and kube-apiserver logs (kept in {@code target/kube/}) are printed. Combine with {@link RealPeers} for
 * tests that need the rulers too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealKubeExtension.class)
public @interface RealKube {
}
