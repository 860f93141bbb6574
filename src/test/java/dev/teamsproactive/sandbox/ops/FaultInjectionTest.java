package dev.teamsproactive.sandbox.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.faults.Fault;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --faults SPEC} through real HTTPS: each fault as a client meets it, and the share of requests it hits. */
class FaultInjectionTest {
    private static final String AAD_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z";
    private Sandbox sandbox;

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private TokenRequests start(String faults) throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withFaults(FaultSpec.parse(faults)));
        return new TokenRequests(sandbox);
    }

    @Test
    void serverErrorsAre502To504InTheIdentityErrorShape() throws IOException {
        TokenRequests token = start("5xx=1");

        for (int i = 0; i < 30; i++) {
            Answer a = token.graphToken();
            assertThat(a.status()).isIn(502, 503, 504);
            JsonNode body = a.json();
            assertThat(body.get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(body.get("error_description").asText()).startsWith("AADSTS90033: ");
            assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(90033);
            assertThat(body.get("timestamp").asText()).matches(AAD_TIMESTAMP);
            assertThat(body.hasNonNull("trace_id")).isTrue();
            assertThat(body.hasNonNull("correlation_id")).isTrue();
        }
    }

    @Test
    void throttlingIsA429WithARetryAfterAndIsCounted() throws IOException {
        TokenRequests token = start("429=1");

        Answer a = token.graphToken();

        assertThat(a.status()).isEqualTo(429);
        assertThat(Double.parseDouble(a.header("Retry-After"))).isPositive();
        assertThat(a.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(a.json().get("error_codes").get(0).asInt()).isEqualTo(50196);
        assertThat(token.stats().get("throttled").asLong()).isEqualTo(1);
    }

    @Test
    void aResetClosesTheConnectionWithoutAnAnswerAndIsLoggedAsStatusZero() throws Exception {
        TokenRequests token = start("reset=1");

        assertThatThrownBy(token::graphToken).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        JsonNode log = token.requestsOnceThey(l -> l.size() == 1);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asInt()).isEqualTo(Sandbox.NO_ANSWER);
        assertThat(token.stats().get("requests").get(TokenRequests.TEMPLATE).get("0").asLong()).isEqualTo(1);
        assertThat(token.stats().get("requests").get(TokenRequests.TEMPLATE).has("200")).isFalse();
    }

    @Test
    void aSlowAnswerComesAtLeastSlowMillisLateAndIsOtherwiseNormal() throws IOException {
        TokenRequests token = start("slow=1");

        long started = System.nanoTime();
        Answer a = token.graphToken();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().hasNonNull("access_token")).isTrue();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(Fault.SLOW_MILLIS);
    }

    @Test
    void fractionsHitRoughlyThatShareOfRequests() throws IOException {
        TokenRequests token = start("5xx=0.3,429=0.3");
        Map<String, Integer> byKind = new HashMap<>();

        for (int i = 0; i < 200; i++) {
            int status = token.graphToken().status();
            byKind.merge(status == 429 ? "429" : status >= 500 ? "5xx" : Integer.toString(status), 1, Integer::sum);
        }

        // Expected 60 each (standard deviation about 6.5): bounds far enough out never to flake.
        assertThat(byKind.getOrDefault("5xx", 0)).isBetween(30, 90);
        assertThat(byKind.getOrDefault("429", 0)).isBetween(30, 90);
        assertThat(byKind.getOrDefault("200", 0)).isBetween(50, 110);
        assertThat(byKind.keySet()).containsOnly("5xx", "429", "200");
    }

    @Test
    void theInspectionApiIsNeverFaulted() throws IOException {
        TokenRequests token = start("5xx=1");

        for (int i = 0; i < 10; i++) {
            assertThat(token.client().get("/_sandbox/stats", null).status()).isEqualTo(200);
        }
    }
}
