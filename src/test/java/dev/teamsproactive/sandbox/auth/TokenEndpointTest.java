package dev.teamsproactive.sandbox.auth;

import static dev.teamsproactive.sandbox.SandboxTestClient.BOT_SCOPE;
import static dev.teamsproactive.sandbox.SandboxTestClient.GRAPH_SCOPE;
import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token endpoint's answers as a plain HTTP client sees them: the token's claims and every refusal's shape. */
class TokenEndpointTest {
    /** Entra ID's timestamp: {@code 2024-05-01 10:00:00Z}, whole seconds. */
    private static final String AAD_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z";
    private static Sandbox sandbox;
    private static SandboxTestClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        client = new SandboxTestClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aGraphTokenAnswerHasTheDocumentedShapeAndClaims() {
        long before = System.currentTimeMillis() / 1000;
        Answer a = client.tokenRequest(tenantId(), form(GRAPH_SCOPE, secret()));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Cache-Control")).contains("no-store");
        JsonNode body = a.json();
        assertThat(fieldNames(body)).containsExactly("token_type", "expires_in", "ext_expires_in", "access_token");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").asLong()).isEqualTo(3599);

        JsonNode claims = TokenClaims.of(body.get("access_token").asText());
        assertThat(claims.get("aud").asText()).isEqualTo("https://graph.microsoft.com");
        assertThat(claims.get("tid").asText()).isEqualTo(tenantId());
        assertThat(claims.get("appid").asText()).isEqualTo(sandbox.tenant().app().clientId());
        assertThat(claims.get("iss").asText()).isEqualTo("https://sts.windows.net/" + tenantId() + "/");
        assertThat(TokenClaims.roles(claims)).containsExactlyInAnyOrderElementsOf(sandbox.tenant().grantedRoles());
        assertThat(claims.get("exp").asLong()).isBetween(before + 3599, System.currentTimeMillis() / 1000 + 3599);
    }

    @Test
    void aBotConnectorTokenHasTheBotAudienceAndNoRoles() {
        JsonNode claims = TokenClaims.of(client.token(TokenEndpoint.BOT_FRAMEWORK_TENANT, clientId(), secret(), BOT_SCOPE));

        assertThat(claims.get("aud").asText()).isEqualTo("https://api.botframework.com");
        assertThat(claims.get("tid").asText()).isEqualTo(TokenEndpoint.BOT_FRAMEWORK_TENANT_ID);
        assertThat(claims.has("exp")).isTrue();
        assertThat(TokenClaims.roles(claims)).isEmpty();
    }

    @Test
    void theTenantAndClientIdAreMatchedWithoutRegardToCase() {
        Answer a = client.tokenRequest(tenantId().toUpperCase(java.util.Locale.ROOT),
                "grant_type=client_credentials&client_id=" + clientId().toUpperCase(java.util.Locale.ROOT)
                        + "&client_secret=" + enc(secret()) + "&scope=" + enc(GRAPH_SCOPE));

        assertThat(a.status()).isEqualTo(200);
    }

    static Stream<Arguments> refusals() {
        String tenant = "7f3c1a52-9e4b-4d8c-b1a6-3e5f2d7c9a10";
        String good = "grant_type=client_credentials&client_id=9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
                + "&client_secret=sandbox-secret-not-for-production";
        return Stream.of(
                Arguments.of("wrong secret", tenant, withScope(good.replace("sandbox-secret-not-for-production", "guess"), GRAPH_SCOPE),
                        "invalid_client", 7000215),
                Arguments.of("unknown client", tenant, withScope(good.replace("9d8c7b6a-5f4e", "00000000-0000"), GRAPH_SCOPE),
                        "invalid_client", 700016),
                Arguments.of("no secret", tenant, withScope(good.replace("&client_secret=sandbox-secret-not-for-production", ""), GRAPH_SCOPE),
                        "invalid_client", 7000218),
                Arguments.of("client assertion", tenant, withScope(good.replace("client_secret=sandbox-secret-not-for-production",
                        "client_assertion_type=" + enc(TokenEndpoint.JWT_BEARER) + "&client_assertion=a.b.c"), GRAPH_SCOPE),
                        "invalid_client", 700027),
                Arguments.of("delegated scope", tenant, withScope(good, "https://graph.microsoft.com/User.Read"), "invalid_scope", 1002012),
                Arguments.of("unknown resource", tenant, withScope(good, "https://contoso.example/.default"), "invalid_resource", 500011),
                Arguments.of("Graph from the Bot Framework tenant", "botframework.com", withScope(good, GRAPH_SCOPE), "invalid_resource", 500011),
                Arguments.of("unknown tenant", "contoso.example", withScope(good, GRAPH_SCOPE), "invalid_request", 90002),
                Arguments.of("unsupported grant", tenant, withScope(good.replace("client_credentials", "password"), GRAPH_SCOPE),
                        "unsupported_grant_type", 70003),
                Arguments.of("no grant type", tenant, withScope(good.replace("grant_type=client_credentials&", ""), GRAPH_SCOPE),
                        "invalid_request", 900144),
                Arguments.of("no scope", tenant, good, "invalid_request", 900144));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalIsA400InTheIdentityErrorShape(String why, String tenant, String form, String error, int code) {
        Answer a = client.tokenRequest(tenant, form);

        assertThat(a.status()).isEqualTo(400);
        JsonNode body = a.json();
        assertThat(fieldNames(body)).containsExactly("error", "error_description", "error_codes", "timestamp", "trace_id", "correlation_id");
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_codes")).containsExactly(SandboxTestClient.JSON.getNodeFactory().numberNode(code));
        assertThat(body.get("error_description").asText()).startsWith("AADSTS" + code + ": ");
        assertThat(body.get("timestamp").asText()).matches(AAD_TIMESTAMP);
        assertThat(UUID.fromString(body.get("trace_id").asText())).isNotNull();
        assertThat(UUID.fromString(body.get("correlation_id").asText())).isNotNull();
        assertThat(body.get("error_description").asText()).doesNotContain("sandbox-secret-not-for-production");
    }

    @Test
    void theClientRequestIdComesBackAsTheCorrelationId() {
        String requestId = UUID.randomUUID().toString();
        Answer a = client.send(HttpRequest.newBuilder(URI.create(client.url() + "/" + tenantId() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("client-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(form(GRAPH_SCOPE, "wrong"))).build());

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("correlation_id").asText()).isEqualTo(requestId);
        assertThat(a.header("client-request-id")).isEqualTo(requestId);
    }

    private static String withScope(String form, String scope) {
        return form + "&scope=" + enc(scope);
    }

    private static String form(String scope, String secret) {
        return "grant_type=client_credentials&client_id=" + enc(clientId()) + "&client_secret=" + enc(secret)
                + "&scope=" + enc(scope);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String tenantId() {
        return sandbox.tenant().tenantId();
    }

    private static String clientId() {
        return sandbox.tenant().app().clientId();
    }

    private static String secret() {
        return sandbox.tenant().app().clientSecret();
    }
}
