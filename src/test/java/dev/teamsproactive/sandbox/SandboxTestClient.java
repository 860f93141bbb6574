package dev.teamsproactive.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.tls.SandboxTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTPS client for sandbox tests: trusts only the sandbox certificate (as the product's own
 * clients do), gets tokens from the sandbox's token endpoint, and reads JSON answers.
 */
public final class SandboxTestClient {
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    public static final String BOT_SCOPE = "https://api.botframework.com/.default";
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers and the body as text and (when it is JSON) as a tree. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final Sandbox sandbox;
    private final HttpClient http;

    public SandboxTestClient(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String url() {
        return sandbox.url();
    }

    /** A token for {@code scope} with the seed's own credentials. */
    public String token(String scope) {
        return token(sandbox.tenant().tenantId(), sandbox.tenant().app().clientId(),
                sandbox.tenant().app().clientSecret(), scope);
    }

    public String token(String tenant, String clientId, String secret, String scope) {
        Answer a = tokenRequest(tenant, "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc(secret) + "&scope=" + enc(scope));
        if (a.status() != 200) {
            throw new IllegalStateException("token request failed: " + a.status() + " " + a.body());
        }
        return a.json().get("access_token").asText();
    }

    public Answer tokenRequest(String tenant, String form) {
        return send(HttpRequest.newBuilder(URI.create(url() + "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** GET {@code pathAndQuery} (already encoded) with a bearer token; null token sends none. */
    public Answer get(String pathAndQuery, String token) {
        return send(builder(pathAndQuery, token).GET().build());
    }

    public Answer post(String pathAndQuery, String token, String jsonBody) {
        return send(builder(pathAndQuery, token).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    public Answer put(String pathAndQuery, String token, String jsonBody) {
        return send(builder(pathAndQuery, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    public Answer delete(String pathAndQuery, String token) {
        return send(builder(pathAndQuery, token).DELETE().build());
    }

    private HttpRequest.Builder builder(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a query value or a path segment (spaces as %20). */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
