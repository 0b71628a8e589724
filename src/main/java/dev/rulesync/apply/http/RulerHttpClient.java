package dev.rulesync.apply.http;

import dev.rulesync.apply.ReadLimit;
import dev.rulesync.apply.RulerException;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The HTTP side of a ruler API target: one request with the tenant header and auth, bounded by a timeout per
 * attempt (connect + response + body), retried with exponential backoff and jitter only when the failure is
 * transient (connection error, timeout, 5xx, 429). Answers with any other status are returned to the caller, which
 * knows what a 404 means for its call; {@link #permanentError} turns the rest into permanent {@link RulerException}s
 * that carry the ruler's own message.
 */
public final class RulerHttpClient {

    private static final Logger log = LoggerFactory.getLogger(RulerHttpClient.class);
    private static final int MAX_MESSAGE = 2000;

    /** A ruler's answer: status and body text. */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A transient answer (5xx, 429) that may be retried; becomes a non-permanent RulerException if retries run out. */
    static final class TransientStatus extends RuntimeException {
        final Reply reply;

        TransientStatus(Reply reply) {
            super("HTTP " + reply.status(), null, false, false);
            this.reply = reply;
        }
    }

    private final String target;
    private final WebClient web;
    private final Duration timeout;
    private final RetryProperties retry;
    private final Supplier<String> authorization;
    private final ReadLimit limit;

    /** @param limit the most bytes of one answer read into memory; a larger answer fails the call, permanently */
    public RulerHttpClient(String target, HttpAuthProperties auth, TlsProperties tls, Duration timeout,
                           RetryProperties retry, ReadLimit limit) {
        this.target = target;
        this.limit = limit;
        this.timeout = timeout;
        this.retry = retry == null ? RetryProperties.DEFAULT : retry;
        this.authorization = authorization(auth == null ? HttpAuthProperties.NONE : auth);
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
        if (tls != null && tls.customised()) {
            http = secure(http, tls);
        }
        this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(limit.bytes()))
                .build();
    }

    /**
     * Sends one request and returns the answer unless it is transient after all attempts.
     *
     * @param uri  the complete URI, path segments already encoded (it is used verbatim)
     * @param body YAML body or null
     */
    public Reply send(HttpMethod method, URI uri, String tenant, String body) {
        String what = target + " " + method.name() + " " + uri.getRawPath();
        Mono<Reply> attempt = Mono.defer(() -> {
            WebClient.RequestBodySpec req = web.method(method).uri(uri).headers(h -> {
                h.set("X-Scope-OrgID", tenant);
                String a = authorization.get();
                if (a != null) h.set(HttpHeaders.AUTHORIZATION, a);
            });
            WebClient.RequestHeadersSpec<?> ready = body == null ? req
                    : req.contentType(MediaType.parseMediaType("application/yaml"))
                    .bodyValue(body.getBytes(StandardCharsets.UTF_8));
            return ready.exchangeToMono(resp -> resp.bodyToMono(String.class).defaultIfEmpty("")
                    .map(b -> new Reply(resp.statusCode().value(), b)));
        }).onErrorMap(DataBufferLimitException.class, e -> limit.exceeded(what, e)).timeout(timeout).flatMap(r -> transientStatus(r.status()) ? Mono.error(new TransientStatus(r)) : Mono.just(r));

        Retry policy = Retry.backoff(retry.maxAttempts() - 1, retry.minBackoff())
                .maxBackoff(retry.maxBackoff())
                .jitter(0.5)
                .filter(RulerHttpClient::retryable)
                .doBeforeRetry(s -> log.warn("{}: attempt {} failed ({}), retrying", what, s.totalRetries() + 1,
                        describe(s.failure())))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
        // Every attempt is bounded by the timeout and backoff by maxBackoff, so block() cannot hang; the extra bound
        // is a guard against a bug in that reasoning, never the normal way out.
        Duration guard = timeout.plus(retry.maxBackoff()).multipliedBy(retry.maxAttempts()).plusSeconds(5);
        try {
            return attempt.retryWhen(policy).block(guard);
        } catch (TransientStatus t) {
            throw new RulerException(what + ": " + t.reply.status() + " " + trim(t.reply.body())
                    + " (after " + retry.maxAttempts() + " attempts)", t.reply.status(), false, null);
        } catch (RulerException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = unwrap(e);
            boolean transientFailure = retryable(cause);
            throw new RulerException(what + ": " + describe(cause)
                    + (transientFailure ? " (after " + retry.maxAttempts() + " attempts)" : ""), 0, !transientFailure, cause);
        }
    }

    /** A permanent failure for an answer the caller cannot accept: the ruler's message is the useful part. */
    public RulerException permanentError(HttpMethod method, URI uri, Reply r) {
        return new RulerException(target + " " + method.name() + " " + uri.getRawPath() + ": " + r.status() + " "
                + trim(r.body()), r.status(), true, null);
    }

    /** 5xx and 429: the ruler may answer differently a moment later. */
    public static boolean transientStatus(int status) {
        return status >= 500 || status == 429;
    }

    /** Whether a failed attempt is worth repeating: transient statuses, timeouts, connection errors (not TLS ones). */
    public static boolean retryable(Throwable t) {
        if (t instanceof TransientStatus || t instanceof TimeoutException) return true;
        if (t instanceof WebClientRequestException) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof SSLException) return false;
            }
            return true;
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        // block() wraps checked exceptions (TimeoutException) in a ReactiveException.
        Throwable c = reactor.core.Exceptions.unwrap(e);
        return c == null ? e : c;
    }

    private String describe(Throwable t) {
        if (t instanceof TransientStatus ts) return ts.reply.status() + " " + trim(ts.reply.body());
        if (t instanceof TimeoutException) return "no answer within " + timeout;
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String trim(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() <= MAX_MESSAGE ? b : b.substring(0, MAX_MESSAGE) + "...";
    }

    private static Supplier<String> authorization(HttpAuthProperties auth) {
        if (auth.username() != null && !auth.username().isEmpty()) {
            Supplier<String> password = auth.passwordFile() != null ? new Secrets.FileSecret(auth.passwordFile())::get
                    : () -> auth.password() == null ? "" : auth.password();
            return () -> "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        }
        if (auth.bearerTokenFile() != null) {
            Secrets.FileSecret token = new Secrets.FileSecret(auth.bearerTokenFile());
            return () -> "Bearer " + token.get();
        }
        if (auth.bearerToken() != null && !auth.bearerToken().isEmpty()) {
            return () -> "Bearer " + auth.bearerToken();
        }
        return () -> null;
    }

    private static HttpClient secure(HttpClient http, TlsProperties tls) {
        SslContext context;
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (tls.insecureSkipVerify()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (tls.caFile() != null) {
                b.trustManager(tls.caFile().toFile());
            }
            if (tls.certFile() != null) {
                b.keyManager(tls.certFile().toFile(), tls.keyFile().toFile());
            }
            context = b.build();
        } catch (SSLException | RuntimeException e) {
            throw new IllegalArgumentException("tls: cannot load CA/certificate/key files: " + e.getMessage(), e);
        }
        return http.secure(spec -> spec.sslContext(context).handlerConfigurator(handler -> {
            SSLEngine engine = handler.engine();
            SSLParameters p = engine.getSSLParameters();
            // Verifying against SNI: the JDK checks the certificate against the requested server name when one is set.
            p.setEndpointIdentificationAlgorithm(tls.insecureSkipVerify() ? null : "HTTPS");
            if (tls.serverName() != null && !tls.serverName().isEmpty()) {
                p.setServerNames(List.of(new SNIHostName(tls.serverName())));
            }
            engine.setSSLParameters(p);
        }));
    }
}
