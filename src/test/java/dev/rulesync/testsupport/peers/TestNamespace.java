package dev.rulesync.testsupport.peers;

/**
 * A namespace of the test cluster made for one test: a {@link RealKube} test (or its {@code @BeforeEach}) that
 * declares a parameter of this type gets a new one, named after the test method. Nothing deletes it (no namespace
 * controller runs), and names never repeat, so tests never see each other's objects in it.
 */
public record TestNamespace(String name, Kube kube) {

    /** A ServiceAccount in this namespace, with no permissions until a test grants some. */
    public KubeServiceAccount serviceAccount(String accountName) {
        return kube.serviceAccount(name, accountName);
    }

    @Override
    public String toString() {
        return name;
    }
}
