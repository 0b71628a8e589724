package dev.rulesync.testsupport.peers;

import java.net.URI;
import java.util.Arrays;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.utility.DockerImageName;

/** MinIO through Testcontainers' MinIO module (MinioMode.CONTAINER); the module waits for readiness itself. */
final class MinioContainerPeer implements PeerHandle {

    private final MinIOContainer container;

    private MinioContainerPeer(MinIOContainer container) {
        this.container = container;
    }

    static MinioContainerPeer start(String image, String accessKey, String secretKey) {
        MinIOContainer container = new MinIOContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("minio/minio"))
                .withUserName(accessKey)
                .withPassword(secretKey);
        container.start();
        return new MinioContainerPeer(container);
    }

    URI url() {
        return URI.create(container.getS3URL());
    }

    @Override
    public String name() {
        return "minio";
    }

    @Override
    public boolean isAlive() {
        return container.isRunning();
    }

    @Override
    public String describe() {
        return "container " + container.getDockerImageName();
    }

    @Override
    public String tail(int lines) {
        String[] all = container.getLogs().split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    @Override
    public void close() {
        container.stop();
    }
}
