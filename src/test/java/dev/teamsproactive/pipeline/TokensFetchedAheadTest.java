package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold start's first campaign does not wait for its tokens: both are asked for while the service starts, and the
 * campaign's preflight finds them cached (no token request of its own).
 */
class TokensFetchedAheadTest {
    @TempDir
    Path work;

    @Test
    void bothTokensAreFetchedAtStartAndTheFirstCampaignAsksForNoOther() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (tokenRequests(fixture) < 2) {
                assertThat(Instant.now()).as("both tokens asked for before any campaign").isBefore(deadline);
                Thread.sleep(50);
            }

            Path file = Files.writeString(work.resolve("one.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                    StandardCharsets.UTF_8);
            assertThat(fixture.send(file, "").getException()).isNull();

            assertThat(tokenRequests(fixture)).as("token requests after the campaign").isEqualTo(2);
        }
    }

    private static long tokenRequests(PipelineFixture fixture) {
        long n = 0;
        for (JsonNode r : fixture.sandboxRequests()) {
            n += r.get("path").asText().endsWith("/oauth2/v2.0/token") ? 1 : 0;
        }
        return n;
    }
}
