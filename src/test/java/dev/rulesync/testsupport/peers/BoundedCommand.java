package dev.rulesync.testsupport.peers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end or to a deadline, whichever comes first. Its output (stdout and stderr) goes to a file,
 * so the wait never depends on someone reading a pipe to its end (a hung child would keep the pipe open for ever);
 * at the deadline the command is stopped with all its descendants.
 */
public final class BoundedCommand {

    /** What a finished command left: its exit code and its output. */
    public record Result(int exitCode, String output) {
    }

    private BoundedCommand() {
    }

    /** Runs {@code command} in the current directory with the current environment. */
    public static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /**
     * @param extraEnv added to the current environment
     * @throws IllegalStateException when the command is still running at the deadline (it is stopped first)
     */
    public static Result run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("command", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
