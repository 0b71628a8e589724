package dev.rulesync.testsupport.peers;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The JUnit side of {@link RealPeers}: starts the JVM's peers once (kept in the root context's store, whose
 * closing at the end of the run stops them), injects {@link Peers} parameters and prints the peers' log tails
 * when a test or a lifecycle method fails.
 */
public final class RealPeersExtension
        implements BeforeAllCallback, ParameterResolver, TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealPeers.class);
    private static final int TAIL_LINES = 40;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Peers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Constructor parameters of a PER_CLASS test instance are resolved before beforeAll runs.
        return cluster(extensionContext).peers();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        printTails(context.getDisplayName());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        printTails(context.getDisplayName() + " @BeforeAll");
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        printTails(context.getDisplayName() + " @BeforeEach");
        throw throwable;
    }

    private static PeerCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StoredCluster.class, key -> new StoredCluster(PeerCluster.startForJvm()),
                        StoredCluster.class)
                .cluster();
    }

    private static void printTails(String what) {
        PeerCluster cluster = PeerCluster.runningOrNull();
        if (cluster != null) {
            System.err.println("===== " + what + " failed; the real peers' logs end with:");
            cluster.printLogTails(System.err, TAIL_LINES);
        }
    }

    /** Closed by JUnit when the root context closes, i.e. once at the very end of the test run. */
    private record StoredCluster(PeerCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            PeerCluster.stopForJvm();
        }
    }

}
