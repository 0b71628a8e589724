package dev.rulesync.testsupport.peers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/** One peer program running as a child process, its stdout and stderr kept in a log file. */
final class PeerProcess implements PeerHandle {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, ProcessBuilder builder, Process process, Path log) {
        this.name = name;
        this.builder = builder;
        this.process = process;
        this.log = log;
    }

    static PeerProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Files.writeString(log, "");
            return new PeerProcess(name, builder, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Stops this process and starts the same command again, appending to the same log (restart drills). */
    PeerProcess restarted() {
        close();
        try {
            Files.writeString(log, "----- restarted -----%n".formatted(), StandardOpenOption.APPEND);
            return new PeerProcess(name, builder, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + name + ": " + builder.command(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return log.toString();
    }

    Path log() {
        return log;
    }

    /** Polls {@code readyUrl} until it answers 200; fails at once, with the log tail, when the process exits. */
    void awaitReady(URI readyUrl, Duration timeout) {
        awaitReady("ready at " + readyUrl, timeout, () -> answers200(readyUrl));
    }

    /** Polls {@code ready} until it is true; fails at once, with the log tail, when the process exits. */
    void awaitReady(String what, Duration timeout, Callable<Boolean> ready) {
        try {
            await("%s %s".formatted(name, what))
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(name + " exited", () -> !process.isAlive())
                    .until(ready);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; last lines of " + log + ":\n" + tail(40), e);
        }
    }

    private static boolean answers200(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String tail(int lines) {
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        return String.join("\n", last);
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, a few seconds to shut down cleanly, then SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
