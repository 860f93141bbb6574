package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same file sent twice is the same campaign, and nobody gets its message twice. */
class RepeatedCampaignTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theSecondRunSendsNothingNewAndReportsTheSameCampaign() throws Exception {
        Path file = Files.copy(Path.of("examples/recipients.csv"), work.resolve("welcome.csv"));

        JsonNode first = fixture.sendOk(file);
        int deliveredOnce = fixture.sandboxDeliveries().size();
        JsonNode second = fixture.sendOk(file);

        assertThat(first.get("sent").asInt()).isEqualTo(8);
        assertThat(deliveredOnce).isEqualTo(8);
        assertThat(fixture.sandboxDeliveries()).hasSize(deliveredOnce);
        assertThat(second.get("campaignId").asText()).isEqualTo(first.get("campaignId").asText());
        assertThat(second.get("sent").asInt()).isEqualTo(8);
        assertThat(second.get("total").asInt()).isEqualTo(8);
    }
}
