package dev.rulesync.testsupport.peers;

import java.io.PrintStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What {@link RealPeersExtension} and {@link RealKubeExtension} share: programs started once per JVM (kept in the
 * root context's store, whose closing at the end of the run stops them), and their log tails printed when a test
 * or a lifecycle method fails.
 */
abstract class SharedPeersExtension implements BeforeAllCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private static final int TAIL_LINES = 40;

    /** Starts the programs unless they run; idempotent. */
    abstract void startForJvm();

    abstract void stopForJvm();

    /** Prints the end of each program's log, if they run. */
    abstract void printLogTails(PrintStream out, int lines);

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    /** Constructor parameters of a PER_CLASS test instance are resolved before beforeAll runs: call this first. */
    final void started(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()))
                .computeIfAbsent(Stopper.class, key -> {
                    startForJvm();
                    return new Stopper(this);
                }, Stopper.class);
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

    private void printTails(String what) {
        System.err.println("===== " + what + " failed; the logs of the real programs end with:");
        printLogTails(System.err, TAIL_LINES);
    }

    /** Closed by JUnit when the root context closes, i.e. once at the very end of the test run. */
    private record Stopper(SharedPeersExtension extension) implements AutoCloseable {
        @Override
        public void close() {
            extension.stopForJvm();
        }
    }
}
