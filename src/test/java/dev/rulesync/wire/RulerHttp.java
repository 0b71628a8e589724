package dev.rulesync.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Plain HTTP to a ruler, exactly as written: paths are sent with their escapes untouched (URI.create keeps
 * the raw path), so a test sees what the peer does with each byte. No rule-sync client code on purpose.
 */
final class RulerHttp {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI root;

    RulerHttp(URI root) {
        this.root = root;
    }

    /** A fresh tenant id per test: the peers are shared by the whole run. */
    static String newTenant(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(String tenant, String rawPath) {
        return send(request(tenant, rawPath).GET());
    }

    HttpResponse<String> delete(String tenant, String rawPath) {
        return send(request(tenant, rawPath).DELETE());
    }

    HttpResponse<String> postYaml(String tenant, String rawPath, String yaml) {
        return send(request(tenant, rawPath).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private HttpRequest.Builder request(String tenant, String rawPath) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + rawPath)).timeout(Duration.ofSeconds(30));
        if (tenant != null) {
            builder.header("X-Scope-OrgID", tenant);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode yaml(HttpResponse<String> response) {
        return YAML.readTree(response.body());
    }

    static String describe(HttpResponse<String> response) {
        return response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("(no content type)") + " body: "
                + response.body();
    }
}
