package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot-send route on its own (as routes/5-bot-send.camel.yaml documents): a chat id and variables in, a message out. */
class BotSendRouteTest {
    private static final String IRENE = "f61dbf76-3f27-566c-88b0-d02802a209bf";

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
    void postsTheRenderedMessageToTheGivenChat() throws Exception {
        // A campaign first, so there is a campaign (and ledger row) the send can be recorded against.
        Path file = Files.writeString(work.resolve("irene.csv"), "id,name\nirene@contoso.example,Irene\n");
        String campaignId = fixture.sendOk(file).get("campaignId").asText();
        String chatId = fixture.sandbox.tenant().installations().chatIdOf(IRENE);

        Exchange result = fixture.app.producer().send("direct:bot-send", ex -> {
            ex.setProperty(Props.CAMPAIGN_ID, campaignId);
            ex.setProperty(Props.TEMPLATE, "default");
            ex.setProperty(Props.CHAT_ID, chatId);
            ex.setProperty(Props.SERVICE_URL, fixture.sandbox.url());
            ex.setProperty(Props.VARIABLES, Map.of("name", "Irene again"));
            ex.setProperty(Props.LINE, 2);
            ex.setProperty(Props.RECIPIENT, "irene@contoso.example");
            ex.setProperty(Props.USER_ID, IRENE);
            ex.setProperty(Props.ATTEMPTS, 0);
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getProperty(Props.STATUS, String.class)).isEqualTo("SENT");
        JsonNode deliveries = fixture.sandboxDeliveries();
        assertThat(deliveries).hasSize(2);
        JsonNode last = deliveries.get(1);
        assertThat(last.get("conversationId").asText()).isEqualTo(chatId);
        assertThat(last.get("userId").asText()).isEqualTo(IRENE);
        assertThat(last.get("attachments").toString()).contains("Welcome to Contoso Announcements, Irene again!");
    }
}
