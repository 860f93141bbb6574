package dev.teamsproactive.sandbox.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/**
 * Port 0 ("any free port"): the sandbox's servers share one random port (Vert.x's shared random port), and
 * two sandboxes in one JVM, as parallel tests start them, each get their own.
 */
class FreePortTest {

    @Test
    void twoSandboxesOnPortZeroGetTheirOwnPortsAndCountOnlyTheirOwnRequests() throws Exception {
        try (Sandbox a = Sandbox.start(SandboxOptions.defaults()); Sandbox b = Sandbox.start(SandboxOptions.defaults())) {
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            assertThat(a.url()).isEqualTo("https://127.0.0.1:" + a.port());

            TokenRequests toA = new TokenRequests(a);
            for (int i = 0; i < 3; i++) {
                assertThat(toA.graphToken().status()).isEqualTo(200);
            }
            assertThat(new TokenRequests(b).graphToken().status()).isEqualTo(200);

            assertThat(toA.stats().get("requests").get(TokenRequests.TEMPLATE).get("200").asInt()).isEqualTo(3);
            assertThat(new TokenRequests(b).stats().get("requests").get(TokenRequests.TEMPLATE).get("200").asInt()).isEqualTo(1);
        }
    }
}
