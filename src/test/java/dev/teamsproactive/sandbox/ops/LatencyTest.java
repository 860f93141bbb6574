package dev.teamsproactive.sandbox.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/** {@code --latency-ms N}: every service answer comes N ms (plus or minus a quarter) late. */
class LatencyTest {

    @Test
    void everyAnswerTakesAtLeastThreeQuartersOfTheConfiguredLatency() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withLatencyMillis(200))) {
            TokenRequests token = new TokenRequests(sandbox);
            token.graphToken(); // the first request also pays for the TLS handshake; measure the ones after it

            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                int status = token.graphToken().status();
                long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

                assertThat(status).isEqualTo(200);
                assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
            }
        }
    }

    @Test
    void withoutLatencyTheSameRequestsAnswerWellUnderIt() throws Exception {
        // The contrast that makes the test above mean something: the 150 ms come from --latency-ms.
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            TokenRequests token = new TokenRequests(sandbox);
            token.graphToken();
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                token.graphToken();
                fastest = Math.min(fastest, (System.nanoTime() - started) / 1_000_000);
            }
            assertThat(fastest).isLessThan(150);
        }
    }
}
