package dev.teamsproactive.sandbox.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox plays Teams: its OpenID metadata and keys, and users' acts sent to a bot endpoint as signed activities. */
class SandboxAsTeamsTest {
    /** One request the stand-in bot received. */
    record Received(String authorization, JsonNode activity) {
    }

    private static final int LOAD_USERS = 30;
    private Sandbox sandbox;
    private SandboxTestClient client;
    private HttpServer bot;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withUsers(LOAD_USERS));
        client = new SandboxTestClient(sandbox);
        bot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bot.createContext("/api/messages", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    SandboxTestClient.JSON.readTree(body)));
            byte[] answer = "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"ok\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        bot.start();
        assertThat(client.post("/_sandbox/bot-endpoint", null, "{\"url\":\"http://127.0.0.1:" + bot.getAddress().getPort()
                + "/api/messages\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop(0);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String user() {
        return sandbox.tenant().directory().userAt(0).id();
    }

    private RSAKey publishedKey() throws Exception {
        JsonNode metadata = client.get("/_sandbox/openid", null).json();
        assertThat(metadata.get("issuer").asText()).isEqualTo("https://api.botframework.com");
        String jwksUri = metadata.get("jwks_uri").asText();
        assertThat(jwksUri).startsWith(sandbox.url());
        JsonNode jwks = client.get(jwksUri.substring(sandbox.url().length()), null).json();
        assertThat(jwks.get("keys").get(0).get("endorsements").get(0).asText()).isEqualTo("msteams");
        assertThat(jwks.get("keys").get(1).get("endorsements").get(0).asText()).isEqualTo("webchat");
        return JWKSet.parse(jwks.toString()).getKeys().get(0).toRSAKey();
    }

    @Test
    void anExecutePressArrivesAsASignedInvokeAndTheBotsAnswerIsReturned() throws Exception {
        JsonNode answer = client.post("/_sandbox/users/" + user() + "/act", null,
                "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"data\":{\"campaignId\":\"c1\"},\"activityId\":\"a-1\"}").json();

        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(answer.get("body").get("value").asText()).isEqualTo("ok");
        assertThat(received).hasSize(1);
        JsonNode activity = received.get(0).activity();
        assertThat(activity.get("type").asText()).isEqualTo("invoke");
        assertThat(activity.get("name").asText()).isEqualTo("adaptiveCard/action");
        assertThat(activity.get("id").asText()).isEqualTo("a-1");
        assertThat(activity.at("/value/action/verb").asText()).isEqualTo("acknowledge");
        assertThat(activity.at("/value/action/data/campaignId").asText()).isEqualTo("c1");
        assertThat(activity.at("/from/aadObjectId").asText()).isEqualTo(user());
        assertThat(activity.get("serviceUrl").asText()).isEqualTo(sandbox.url());

        SignedJWT jwt = SignedJWT.parse(received.get(0).authorization().substring("Bearer ".length()));
        RSAKey key = publishedKey();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://api.botframework.com");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(sandbox.tenant().app().botAppId());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("serviceurl")).isEqualTo(sandbox.url());
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
        assertThat(client.get("/_sandbox/acts", null).json().get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void submitsRepliesAndUninstallsHaveTheirOwnShapes() throws Exception {
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"submit\",\"data\":{\"choice\":\"B\"}}");
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"reply\",\"text\":\"thanks\"}");
        sandbox.tenant().installations().installForUser(user());
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"uninstall\"}");

        assertThat(received).hasSize(3);
        assertThat(received.get(0).activity().get("type").asText()).isEqualTo("message");
        assertThat(received.get(0).activity().at("/value/choice").asText()).isEqualTo("B");
        assertThat(received.get(0).activity().has("text")).isFalse();
        assertThat(received.get(1).activity().get("text").asText()).isEqualTo("thanks");
        assertThat(received.get(2).activity().get("type").asText()).isEqualTo("installationUpdate");
        assertThat(received.get(2).activity().get("action").asText()).isEqualTo("remove");
        assertThat(sandbox.tenant().installations().forUser(user())).isEmpty();
    }

    @Test
    void badTokensAreBadInTheirOwnWay() throws Exception {
        RSAKey key = publishedKey();
        for (String kind : List.of("forged", "expired", "wrong-audience", "none")) {
            client.post("/_sandbox/users/" + user() + "/act", null,
                    "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"token\":\"" + kind + "\"}");
        }
        assertThat(received).hasSize(4);
        SignedJWT forged = SignedJWT.parse(received.get(0).authorization().substring(7));
        assertThat(forged.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(forged.verify(new RSASSAVerifier(key))).isFalse();
        SignedJWT expired = SignedJWT.parse(received.get(1).authorization().substring(7));
        assertThat(expired.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(new Date(System.currentTimeMillis() - 5 * 60_000));
        SignedJWT otherAudience = SignedJWT.parse(received.get(2).authorization().substring(7));
        assertThat(otherAudience.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(otherAudience.getJWTClaimsSet().getAudience()).doesNotContain(sandbox.tenant().app().botAppId());
        assertThat(received.get(3).authorization()).isNull();
    }

    @Test
    void aReplaySendsTheSameActivityWithTheSameToken() {
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"activityId\":\"x-9\"}");
        JsonNode replay = client.post("/_sandbox/users/" + user() + "/act", null, "{\"replayOf\":\"x-9\"}").json();

        assertThat(replay.get("status").asInt()).isEqualTo(200);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).authorization()).isEqualTo(received.get(0).authorization());
        assertThat(received.get(1).activity()).isEqualTo(received.get(0).activity());
    }

    @Test
    void aRotationPublishesANewKeyThatSignsFromThenOn() throws Exception {
        RSAKey first = publishedKey();
        JsonNode rotated = client.post("/_sandbox/openid/rotate", null, "").json();
        String newKeyId = rotated.get("kid").asText();
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");
        client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"execute\",\"token\":\"unknown-key\"}");

        JWKSet keys = JWKSet.parse(client.get("/_sandbox/openid/keys", null).json().toString());
        assertThat(keys.getKeyByKeyId(first.getKeyID())).as("the earlier key stays listed").isNotNull();
        RSAKey second = keys.getKeyByKeyId(newKeyId).toRSAKey();
        SignedJWT signed = SignedJWT.parse(received.get(0).authorization().substring(7));
        assertThat(signed.getHeader().getKeyID()).isEqualTo(newKeyId);
        assertThat(signed.verify(new RSASSAVerifier(second))).isTrue();
        SignedJWT unknown = SignedJWT.parse(received.get(1).authorization().substring(7));
        assertThat(keys.getKeyByKeyId(unknown.getHeader().getKeyID())).isNull();
        assertThat(client.get("/_sandbox/openid/fetches", null).json().get("keys").asLong()).isEqualTo(2);
    }

    @Test
    void aLoadSendsOneSignedActPerUserAndAnswersItsFigures() throws Exception {
        JsonNode figures = client.post("/_sandbox/acts/load", null, "{\"kind\":\"execute\",\"verb\":\"acknowledge\","
                + "\"data\":{\"campaignId\":\"c7\"},\"count\":20,\"concurrency\":4,\"firstUser\":11}").json();

        assertThat(figures.get("count").asInt()).isEqualTo(20);
        assertThat(figures.get("concurrency").asInt()).isEqualTo(4);
        assertThat(figures.get("statuses").get("200").asInt()).isEqualTo(20);
        assertThat(figures.get("rate").asDouble()).isPositive();
        assertThat(figures.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(figures.get("p50Ms").asDouble()).isPositive();
        assertThat(received).hasSize(20);
        assertThat(received).extracting(r -> r.activity().at("/from/aadObjectId").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(11, 30)
                        .mapToObj(dev.teamsproactive.sandbox.tenant.SyntheticUsers::idOf).toList());
        assertThat(received).extracting(r -> r.activity().at("/value/action/data/campaignId").asText()).containsOnly("c7");
        assertThat(received).extracting(r -> r.activity().get("id").asText()).doesNotHaveDuplicates();
        SignedJWT jwt = SignedJWT.parse(received.get(0).authorization().substring(7));
        assertThat(jwt.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(client.get("/_sandbox/acts", null).json()).as("a load is not listed act by act").isEmpty();
        assertThat(client.post("/_sandbox/acts/load", null, "{\"kind\":\"execute\",\"count\":5,\"firstUser\":29}")
                .status()).as("users beyond the directory").isEqualTo(404);
    }

    @Test
    void anActForAnUnknownUserOrWithoutAnEndpointIsRefused() {
        assertThat(client.post("/_sandbox/users/00000000-0000-0000-0000-00000000dead/act", null, "{\"kind\":\"reply\"}")
                .status()).isEqualTo(404);
        assertThat(client.post("/_sandbox/users/" + user() + "/act", null, "{\"kind\":\"wave\"}").status()).isEqualTo(400);
        assertThat(received).isEmpty();
    }
}
