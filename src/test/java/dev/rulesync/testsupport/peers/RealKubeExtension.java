package dev.rulesync.testsupport.peers;

import java.io.PrintStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of {@link RealKube}: starts the JVM's API server once, injects {@link Kube} and per-test
 * {@link TestNamespace} parameters, and prints the etcd and kube-apiserver log tails when a test fails.
 */
public final class RealKubeExtension extends SharedPeersExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACES =
            ExtensionContext.Namespace.create(RealKubeExtension.class, TestNamespace.class);

    @Override
    void startForJvm() {
        KubeCluster.startForJvm();
    }

    @Override
    void stopForJvm() {
        KubeCluster.stopForJvm();
    }

    @Override
    void printLogTails(PrintStream out, int lines) {
        KubeCluster cluster = KubeCluster.runningOrNull();
        if (cluster != null) {
            cluster.printLogTails(out, lines);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Kube.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        started(extensionContext);
        Kube kube = KubeCluster.startForJvm().kube();
        if (parameterContext.getParameter().getType() == Kube.class) {
            return kube;
        }
        // @BeforeEach and @Test of one test share the test method's context, and so one namespace.
        Method method = extensionContext.getTestMethod().orElseThrow(() -> new ParameterResolutionException(
                "a TestNamespace belongs to one test: declare it on @BeforeEach or @Test methods, or call"
                        + " Kube.newNamespace in @BeforeAll"));
        return extensionContext.getStore(NAMESPACES).computeIfAbsent(TestNamespace.class,
                key -> new TestNamespace(kube.newNamespace(method.getName()), kube), TestNamespace.class);
    }
}
