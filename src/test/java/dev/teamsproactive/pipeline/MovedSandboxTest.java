package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.followups.FollowUps;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox restarted on another port, with the same ledger: the chats cached against the old port are sent to the
 * running sandbox's service URL (repaired like stale chats), so everyone messaged before is SENT again.
 */
class MovedSandboxTest {
    @TempDir
    Path work;

    @Test
    void aChatCachedAgainstASandboxThatMovedIsSentToTheCurrentOne() throws Exception {
        Path config = PipelineFixture.configIn(work);
        // Short waits: before the fix, the old port's refusals were retried with backoff, then FAILED.
        Files.writeString(config.resolve("application.properties"), "\nteams.backoff.first-delay-ms=10\n"
                + "teams.backoff.max-delay-ms=20\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path first = Files.writeString(work.resolve("first.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n"
                + TenantSeeds.GRACE + ",Grace\n", StandardCharsets.UTF_8);
        Path second = Files.writeString(work.resolve("second.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                StandardCharsets.UTF_8);

        try (Sandbox before = Sandbox.start(SandboxOptions.defaults()); Application app = start(config, before)) {
            assertThat(summary(send(app, first)).get("sent").asInt()).isEqualTo(2);
        }
        try (Sandbox after = Sandbox.start(SandboxOptions.defaults()); Application app = start(config, after)) {
            JsonNode summary = summary(send(app, second));

            assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(1);
            assertThat(after.tenant().deliveries().count()).isEqualTo(1);

            // The messages of the first campaign went to the old sandbox: a recall reaches the new one (which answers
            // for its own state: gone, or not installed for Grace), rather than failing to connect.
            Exchange recall = app.producer().send("direct:follow-up", ex -> {
                ex.setProperty(Props.CAMPAIGN_ID, summaryId(first));
                ex.setProperty(FollowUps.ACTION, "recall");
            });
            assertThat(recall.getException()).isNull();
            JsonNode recalled = SandboxTestClient.JSON.readTree(recall.getMessage().getBody(String.class));
            assertThat(recalled.get("total").asInt()).isEqualTo(2);
            assertThat(recalled.get("byCode").has("ConnectionFailed")).as("recall %s", recalled).isFalse();
        }
    }

    private String summaryId(Path file) throws Exception {
        return dev.teamsproactive.ledger.CampaignIds.forFile(file);
    }

    private static Application start(Path config, Sandbox sandbox) throws Exception {
        return Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX_URL,
                sandbox.url(), false));
    }

    private static Exchange send(Application app, Path file) {
        return app.producer().send("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, file.getFileName().toString());
            ex.setProperty(Props.TEMPLATE, "");
        });
    }

    private static JsonNode summary(Exchange result) throws Exception {
        assertThat(result.getException()).isNull();
        return SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
    }
}
