package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 429 is waited out as its Retry-After says, then the call is made again: everyone is sent, and the summary counts the 429s. */
class ThrottledCampaignTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withFaults(FaultSpec.parse("429=0.3")));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyoneIsSentDespiteThrottlingAndTheSummaryCountsIt() throws Exception {
        Path file = Files.copy(Path.of("examples/recipients.csv"), work.resolve("welcome.csv"));
        JsonNode summary = fixture.sendOk(file);

        assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(8);
        assertThat(summary.get("throttled").asInt()).isPositive();
        assertThat(fixture.sandboxDeliveries()).hasSize(8);
    }
}
