package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;
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

    /**
     * At most once through the kamelet step: when the POST leaves for the Bot Connector, the recipient's row is
     * already SENDING in the ledger (kamelets/bot-call's beforeRequest, direct:mark-sending), so a crash from then on
     * leaves it for the next run to mark IN_DOUBT, never to post again.
     */
    @Test
    void theRowIsMarkedSendingInTheLedgerBeforeThePostLeaves() throws Exception {
        // A campaign first, so that Irene has the app and a chat.
        fixture.sendOk(Files.writeString(work.resolve("irene.csv"), "id,name\nirene@contoso.example,Irene\n"));
        String campaignId = "marked-0123456789ab";
        String owner = "host/1/1/run";
        fixture.app.ledger().registerCampaign(campaignId, "irene.csv", "default", 1);
        fixture.app.ledger().takeLease(campaignId, owner, Instant.now().plusSeconds(60), holder -> false);
        fixture.app.ledger().claimRow(campaignId, 2, "irene@contoso.example");
        List<String> statusWhenPosted = new CopyOnWriteArrayList<>();
        EventNotifierSupport beforeEachPost = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                ExchangeSendingEvent sending = (ExchangeSendingEvent) event;
                if (sending.getEndpoint().getEndpointUri().startsWith("https:")
                        && sending.getExchange().getIn().getHeader(Exchange.HTTP_URI, "", String.class).endsWith("/activities")) {
                    AtomicReference<String> status = new AtomicReference<>();
                    fixture.app.ledger().forEachDelivery(campaignId, row -> status.set(row.status().name()));
                    statusWhenPosted.add(status.get());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeSendingEvent;
            }
        };
        beforeEachPost.start();
        fixture.app.context().getManagementStrategy().addEventNotifier(beforeEachPost);
        fixture.app.context().getCamelContextExtension().setEventNotificationApplicable(true);

        Exchange result = send(campaignId, 2, owner);

        assertThat(result.getException()).isNull();
        assertThat(statusWhenPosted).as("the row's status as the POST left").containsExactly("SENDING");
        assertThat(result.getProperty(Props.STATUS, String.class)).isEqualTo("SENT");
        assertThat(fixture.sandboxDeliveries()).hasSize(2);
    }

    /** A row that is no longer this run's (another run took the campaign over, or it is sent) is never posted. */
    @Test
    void aRowThatIsNoLongerThisRunsIsNeverPosted() throws Exception {
        Path file = Files.writeString(work.resolve("irene.csv"), "id,name\nirene@contoso.example,Irene\n");
        String campaignId = fixture.sendOk(file).get("campaignId").asText();

        Exchange result = send(campaignId, 2, "another/2/2/run");

        assertThat(result.getException()).isNull();
        assertThat(result.getProperty(Props.ROW_DONE, Boolean.class)).isTrue();
        assertThat(fixture.sandboxDeliveries()).as("only the campaign's own message").hasSize(1);
    }

    private Exchange send(String campaignId, int line, String runLease) {
        String chatId = fixture.sandbox.tenant().installations().chatIdOf(IRENE);
        return fixture.app.producer().send("direct:bot-send", ex -> {
            ex.setProperty(Props.CAMPAIGN_ID, campaignId);
            ex.setProperty(Props.RUN_LEASE, runLease);
            ex.setProperty(Props.TEMPLATE, "default");
            ex.setProperty(Props.CHAT_ID, chatId);
            ex.setProperty(Props.SERVICE_URL, fixture.sandbox.url());
            ex.setProperty(Props.VARIABLES, Map.of("name", "Irene"));
            ex.setProperty(Props.LINE, line);
            ex.setProperty(Props.RECIPIENT, "irene@contoso.example");
            ex.setProperty(Props.USER_ID, IRENE);
            ex.setProperty(Props.ATTEMPTS, 1);
        });
    }
}
