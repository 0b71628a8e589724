package dev.rulesync.testsupport.peers;

import java.io.PrintStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of {@link RealPeers}: starts the JVM's Mimir, Loki and MinIO once, injects {@link Peers}
 * parameters and prints the peers' log tails when a test or a lifecycle method fails.
 */
public final class RealPeersExtension extends SharedPeersExtension implements ParameterResolver {

    @Override
    void startForJvm() {
        PeerCluster.startForJvm();
    }

    @Override
    void stopForJvm() {
        PeerCluster.stopForJvm();
    }

    @Override
    void printLogTails(PrintStream out, int lines) {
        PeerCluster cluster = PeerCluster.runningOrNull();
        if (cluster != null) {
            cluster.printLogTails(out, lines);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Peers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        started(extensionContext);
        return PeerCluster.startForJvm().peers();
    }
}
