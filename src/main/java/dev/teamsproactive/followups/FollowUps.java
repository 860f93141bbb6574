package dev.teamsproactive.followups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.graph.ServiceUrls;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.CachedConversation;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.SentMessages;
import dev.teamsproactive.message.MessageTemplate;
import dev.teamsproactive.message.Messages;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.report.FollowUpReport;
import dev.teamsproactive.resilience.ThrottleCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The beans of routes/7-follow-ups.camel.yaml: update or recall the messages a campaign delivered. The messages come
 * from the ledger; the outcome of each goes to the follow-up's own report, never to the campaign's deliveries.
 */
public final class FollowUps {
    /** Exchange property: {@code recall} or {@code update}. */
    public static final String ACTION = "followUp";
    /** Exchange property: the {@link FollowUpReport} of the run; its presence routes {@code direct:record} here. */
    public static final String REPORT = "followUpReport";
    /** The placeholders an update can fill: the ledger keeps no other column of the recipients file. */
    static final List<String> UPDATE_VARIABLES = List.of("recipient", "userId");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final Messages messages;
    private final Path reportsDir;
    private final ThrottleCounter throttles;
    private final String tenantId;
    private final String defaultServiceUrl;

    public FollowUps(Ledger ledger, Messages messages, Path reportsDir, ThrottleCounter throttles, String tenantId,
            String defaultServiceUrl) {
        this.ledger = ledger;
        this.messages = messages;
        this.reportsDir = reportsDir;
        this.throttles = throttles;
        this.tenantId = tenantId;
        this.defaultServiceUrl = defaultServiceUrl;
    }

    /** The campaign must be in the ledger, and an update's template must render with what the ledger knows. */
    public void prepare(Exchange exchange) throws IOException {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        String action = exchange.getProperty(ACTION, String.class);
        if (ledger.findCampaign(campaignId).isEmpty()) {
            throw new RejectedInputException(campaignId, "no campaign with this id in the ledger (the id is the folder"
                    + " name under reports/, e.g. recipients-1a2b3c4d5e6f)");
        }
        String templateName = null;
        if ("update".equals(action)) {
            templateName = exchange.getProperty(Props.TEMPLATE, String.class);
            if (templateName == null || templateName.isBlank()) {
                throw new RejectedInputException(campaignId, "an update needs --template NAME (a file in config/messages/)");
            }
            MessageTemplate template = messages.load(templateName, campaignId);
            try {
                template.validate(UPDATE_VARIABLES);
            } catch (RejectedInputException e) {
                throw new RejectedInputException(template.file(), "cannot update campaign " + campaignId + " with it: "
                        + e.reason() + "; an update fills only ${recipient} and ${userId}", e);
            }
            messages.prepare(followUpKey(campaignId), template);
        } else if (!"recall".equals(action)) {
            throw new IllegalArgumentException("followUp must be recall or update, not " + action);
        }
        exchange.setProperty(REPORT, new FollowUpReport(reportsDir, campaignId, action, templateName));
    }

    /** The delivered messages, a page at a time, for the split. */
    public SentMessages sentMessages(Exchange exchange) {
        return new SentMessages(ledger, exchange.getProperty(Props.CAMPAIGN_ID, String.class));
    }

    /** Spreads one delivered message over the properties the Bot Connector steps use. */
    public void begin(Exchange exchange) {
        SentMessages.Sent sent = exchange.getIn().getBody(SentMessages.Sent.class);
        exchange.setProperty(Props.LINE, sent.line());
        exchange.setProperty(Props.RECIPIENT, sent.recipient());
        exchange.setProperty(Props.USER_ID, sent.userId());
        exchange.setProperty(Props.CHAT_ID, sent.conversationId());
        exchange.setProperty(Props.ACTIVITY_ID, sent.activityId());
        exchange.setProperty(Props.ATTEMPTS, 0);
        Optional<CachedConversation> cached = sent.userId() == null ? Optional.empty()
                : ledger.findConversation(tenantId, sent.userId());
        exchange.setProperty(Props.SERVICE_URL, ServiceUrls.forCachedChat(
                cached.map(CachedConversation::serviceUrl).orElse(null), defaultServiceUrl));
    }

    /** The body becomes the update's activity, with this recipient's ${recipient} and ${userId}. */
    public void render(Exchange exchange) {
        MessageTemplate template = messages.template(followUpKey(exchange.getProperty(Props.CAMPAIGN_ID, String.class)));
        String recipient = exchange.getProperty(Props.RECIPIENT, "", String.class);
        String userId = exchange.getProperty(Props.USER_ID, "", String.class);
        exchange.getIn().setBody(template.render(Map.of("recipient", recipient, "userId", userId)).activity());
        exchange.setProperty(Props.ATTEMPTS, exchange.getProperty(Props.ATTEMPTS, 0, Integer.class) + 1);
    }

    public void done(Exchange exchange) {
        exchange.setProperty(Props.STATUS, FollowUpReport.Status.DONE.name());
    }

    /** A 404 to a recall: the message is not there any more, which is what a recall wants. */
    public void gone(Exchange exchange) {
        String code = "404";
        try {
            JsonNode error = JSON.readTree(exchange.getIn().getBody(String.class)).path("error");
            code = error.path("code").asText("404");
        } catch (Exception notJson) {
            // The status is the code.
        }
        exchange.setProperty(Props.STATUS, FollowUpReport.Status.GONE.name());
        exchange.setProperty(Props.CODE, code);
    }

    /** One message's outcome to the report (direct:record sends follow-ups here). */
    public void record(Exchange exchange) {
        FollowUpReport report = exchange.getProperty(REPORT, FollowUpReport.class);
        report.record(exchange.getProperty(Props.RECIPIENT, String.class), exchange.getProperty(Props.USER_ID, String.class),
                FollowUpReport.Status.valueOf(exchange.getProperty(Props.STATUS, String.class)),
                exchange.getProperty(Props.CODE, String.class), exchange.getProperty(Props.DETAIL, String.class),
                exchange.getProperty(Props.CHAT_ID, String.class), exchange.getProperty(Props.ACTIVITY_ID, String.class));
    }

    /** Writes the report; the body becomes its summary (one line of JSON). */
    public void finish(Exchange exchange) throws IOException {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        messages.finished(followUpKey(campaignId));
        FollowUpReport report = exchange.getProperty(REPORT, FollowUpReport.class);
        exchange.getIn().setBody(report.finish(throttles.drain(campaignId)));
    }

    /** The update's template is kept apart from the campaign's own (which may be running). */
    private static String followUpKey(String campaignId) {
        return campaignId + "#update";
    }
}
