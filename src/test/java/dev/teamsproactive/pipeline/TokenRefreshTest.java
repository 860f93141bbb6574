package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens that expire between two campaigns are renewed: the second campaign is sent in full. */
class TokenRefreshTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withTokenLifetime(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aCampaignAfterTheTokensExpiredIsSentInFull() throws Exception {
        Path first = Files.writeString(work.resolve("first.csv"), "id,name\nada@contoso.example,Ada\nalan@contoso.example,Alan\n");
        Path second = Files.writeString(work.resolve("second.csv"), "id,name\ngrace@contoso.example,Grace\nkatherine@contoso.example,Katherine\n");

        JsonNode before = fixture.sendOk(first);
        // The sandbox's tokens live 2 s: waiting out their lifetime is the point of this test.
        Thread.sleep(3000);
        JsonNode after = fixture.sendOk(second);

        assertThat(before.get("sent").asInt()).isEqualTo(2);
        assertThat(after.get("sent").asInt()).isEqualTo(2);
        assertThat(after.get("failed").asInt()).isZero();
        assertThat(fixture.sandboxDeliveries()).hasSize(4);
    }
}
