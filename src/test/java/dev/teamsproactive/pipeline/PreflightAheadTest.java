package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.preflight.PreflightFailedException;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send} starts preflight as soon as the service runs, while the file is checked and the campaign registered:
 * the campaign's own preflight waits for it and asks nothing again, and a preflight that fails still stops the
 * campaign before any recipient is looked up, installed or sent.
 */
class PreflightAheadTest {
    /** Long enough that the early catalog lookup is still on its way when the campaign's preflight starts. */
    private static final long LATENCY_MS = 800;

    @Test
    void theCampaignWaitsForThePreflightStartedAheadAndLooksTheCatalogUpOnce(@TempDir Path work) throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withLatencyMillis(LATENCY_MS))) {
            Path file = Files.writeString(work.resolve("one.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                    StandardCharsets.UTF_8);

            fixture.app.startPreflightAhead();
            JsonNode summary = fixture.sendOk(file);

            assertThat(summary.get("sent").asInt()).isEqualTo(1);
            assertThat(requests(fixture, "GET /v1.0/appCatalogs/teamsApps")).as("catalog lookups").isEqualTo(1);
        }
    }

    @Test
    void aPreflightThatFailsAheadStillStopsTheCampaignBeforeAnythingIsSent(@TempDir Path work) throws Exception {
        Path seed = TenantSeeds.changed(work, s -> ((ObjectNode) s.get("app"))
                .put("externalId", "00000000-1111-4222-8333-444444444444"));
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            Path file = Files.writeString(work.resolve("one.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                    StandardCharsets.UTF_8);

            fixture.app.startPreflightAhead();
            Exception failure = fixture.send(file, "").getException();

            assertThat(failure).isInstanceOf(PreflightFailedException.class)
                    .hasMessageContaining("is not in the tenant's app catalog");
            assertThat(fixture.sandboxDeliveries()).isEmpty();
            for (JsonNode r : fixture.sandboxRequests()) {
                assertThat(r.get("path").asText()).as("only tokens and the catalog were asked for")
                        .matches(".*(/oauth2/v2.0/token|/appCatalogs/teamsApps)");
            }
            assertThat(new dev.teamsproactive.observe.CampaignBoard(fixture.app.ledger().dataSource()).latest())
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("FAILED"));
        }
    }

    private static long requests(PipelineFixture fixture, String call) {
        long n = 0;
        for (JsonNode r : fixture.sandboxRequests()) {
            n += call.equals(r.get("method").asText() + " " + r.get("path").asText()) ? 1 : 0;
        }
        return n;
    }
}
