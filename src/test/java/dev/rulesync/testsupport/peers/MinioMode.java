package dev.rulesync.testsupport.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * How the peers run MinIO: as the local program built by scripts/peers.sh, or through Testcontainers' MinIO module
 * where a Docker engine is reachable (a laptop, a CI with Docker). Chosen by {@code -Drulesync.peers.minio}:
 * {@code auto} (the default: a container when Docker answers), {@code process} or {@code container}.
 */
enum MinioMode {
    PROCESS,
    CONTAINER;

    static final String PROPERTY = "rulesync.peers.minio";
    /** The image for CONTAINER mode; -Drulesync.peers.minio.image overrides it. */
    static final String DEFAULT_IMAGE = "minio/minio:RELEASE.2025-04-22T22-12-26Z";

    static MinioMode configured() {
        return choose(System.getProperty(PROPERTY, "auto"), MinioMode::dockerAnswers);
    }

    static String image() {
        return System.getProperty(PROPERTY + ".image", DEFAULT_IMAGE);
    }

    static MinioMode choose(String setting, BooleanSupplier dockerAvailable) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "process" -> PROCESS;
            case "container" -> CONTAINER;
            case "auto", "" -> dockerAvailable.getAsBoolean() ? CONTAINER : PROCESS;
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + setting + ": expected auto, process or container");
        };
    }

    /**
     * Whether a Docker engine answers. Testcontainers' own probe tries every strategy and logs errors when none
     * works, so it is asked only when some sign of an engine exists.
     */
    private static boolean dockerAnswers() {
        String home = System.getProperty("user.home");
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
