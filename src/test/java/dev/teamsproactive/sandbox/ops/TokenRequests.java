package dev.teamsproactive.sandbox.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The token endpoint as the probe for faults, latency and inspection: it goes through the same
 * {@code Api.on} pipeline as Graph and the Bot Connector, and needs nothing but the seed's credentials.
 */
final class TokenRequests {
    static final String TEMPLATE = "POST /{tenant}/oauth2/v2.0/token";
    private static final long POLL_MILLIS = 10;
    private final Sandbox sandbox;
    private final SandboxTestClient client;

    TokenRequests(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.client = new SandboxTestClient(sandbox);
    }

    SandboxTestClient client() {
        return client;
    }

    /** One client-credentials request for a Graph token with the seed's own (valid) credentials. */
    Answer graphToken() {
        return client.tokenRequest(sandbox.tenant().tenantId(), "grant_type=client_credentials&client_id="
                + SandboxTestClient.enc(sandbox.tenant().app().clientId()) + "&client_secret="
                + SandboxTestClient.enc(sandbox.tenant().app().clientSecret()) + "&scope="
                + SandboxTestClient.enc(SandboxTestClient.GRAPH_SCOPE));
    }

    JsonNode stats() {
        return client.get("/_sandbox/stats", null).json();
    }

    JsonNode requests() {
        return client.get("/_sandbox/requests", null).json();
    }

    /** Polls {@code /_sandbox/requests} until it satisfies {@code done} (the log is written as a connection ends). */
    JsonNode requestsOnceThey(Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode log = requests();
        while (!done.test(log) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL_MILLIS);
            log = requests();
        }
        return log;
    }
}
