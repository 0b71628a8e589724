package dev.rulesync.testsupport.peers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against real Grafana Mimir, Grafana Loki and MinIO processes on 127.0.0.1.
 *
 * <p>The peers start once per JVM (the first annotated class starts them, the end of the test run stops them)
 * and are shared by every annotated class; tests get them as a {@link Peers} parameter (constructor,
 * {@code @BeforeAll}, {@code @Test}) or through {@link Peers#current()}. Tests must therefore use their own
 * tenants or names and must not assume an empty ruler. Missing binaries are built by {@code scripts/peers.sh}.
 * When a test fails, the tail of every peer's log (kept in {@code target/peers/}) is printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealPeersExtension.class)
public @interface RealPeers {
}
