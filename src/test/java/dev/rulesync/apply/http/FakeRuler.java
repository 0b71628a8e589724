package dev.rulesync.apply.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A FAKE ruler for fault tests only (slow or endless answers, 5xx, 429, scripted 4xx): things a real Mimir or Loki will not do
 * on demand. It answers from a script, one answer per request (the last one repeats), and records what it was sent.
 * Behaviour against real rulers is tested in the *IT contract tests.
 */
public final class FakeRuler implements AutoCloseable {

    public record Seen(String method, String rawPath, Headers headers, String body) {
    }

    private record Answer(int status, String body, boolean hang, boolean endless) {
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    public final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeRuler() {
        this(null, false);
    }

    /**
     * An HTTPS fake ruler.
     *
     * @param tls               the server's key and trust material
     * @param needClientAuth    demand a client certificate the context trusts
     */
    public FakeRuler(SSLContext tls, boolean needClientAuth) {
        try {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(at, 0);
            } else {
                HttpsServer https = HttpsServer.create(at, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.getDefaultSSLParameters();
                        p.setNeedClientAuth(needClientAuth);
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            }
            scheme = tls == null ? "http" : "https";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestHeaders(), body));
            Answer a = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            if (a == null) a = new Answer(500, "fake ruler: no answer scripted", false, false);
            if (a.hang()) {
                try {
                    closed.await(60, TimeUnit.SECONDS); // a blackholed ruler: never answers while the test runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (a.endless()) {
                // chunked, no length announced, never finished: only the client's own limit or timeout ends it
                byte[] chunk = "# a runaway answer\n".repeat(512).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(a.status(), 0);
                try {
                    while (closed.getCount() > 0) ex.getResponseBody().write(chunk);
                } catch (IOException clientHungUp) {
                    // what a client that stops reading does
                }
                ex.close();
                return;
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    public FakeRuler answer(int status, String body) {
        script.addLast(new Answer(status, body, false, false));
        return this;
    }

    public FakeRuler hang() {
        script.addLast(new Answer(200, "", true, false));
        return this;
    }

    /** A 200 whose body never ends and announces no length. */
    public FakeRuler endless() {
        script.addLast(new Answer(200, "", false, true));
        return this;
    }

    public URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
