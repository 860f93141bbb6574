package dev.teamsproactive.message;

import dev.teamsproactive.graph.Outcomes;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.props.Props;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/** The bot-send stage's renderer: each campaign's template, checked once, filled per recipient. */
public final class Messages {
    /** The code of a recipient whose values would put an unsafe URL into the card. */
    public static final String UNSAFE_URL = "UnsafeUrl";
    private final MessageTemplates templates;
    private final Map<String, MessageTemplate> byCampaign = new ConcurrentHashMap<>();

    public Messages(MessageTemplates templates) {
        this.templates = templates;
    }

    public MessageTemplate load(String name, String source) {
        try {
            return templates.load(name);
        } catch (RejectedInputException e) {
            // The template is the campaign's problem: name the campaign's file, and why.
            throw new RejectedInputException(source, e.getMessage(), e);
        }
    }

    public void prepare(String campaignId, MessageTemplate template) {
        byCampaign.put(campaignId, template);
    }

    /** The body becomes the activity to post, with this recipient's columns in the placeholders. */
    public void render(Exchange exchange) {
        exchange.getIn().setBody(templateOf(exchange).render(variablesOf(exchange)).activity());
        exchange.setProperty(Props.ATTEMPTS, exchange.getProperty(Props.ATTEMPTS, 0, Integer.class) + 1);
    }

    /**
     * A link, image or media URL that this recipient's columns fill into the card must be safe (https; mailto:
     * and tel: for links): otherwise the recipient is FAILED with {@link #UNSAFE_URL}, before anything is sent.
     */
    public void checkUrls(Exchange exchange) {
        String problem = templateOf(exchange).unsafeUrl(variablesOf(exchange));
        if (problem != null) {
            Outcomes.set(exchange, DeliveryStatus.FAILED, UNSAFE_URL, problem);
        }
    }

    private MessageTemplate templateOf(Exchange exchange) {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        MessageTemplate template = byCampaign.get(campaignId);
        if (template == null) {
            template = templates.load(exchange.getProperty(Props.TEMPLATE, String.class));
            byCampaign.put(campaignId, template);
        }
        return template;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variablesOf(Exchange exchange) {
        Map<String, String> variables = exchange.getProperty(Props.VARIABLES, Map.class);
        return variables == null ? Map.of() : variables;
    }

    /** The template prepared under this key. */
    public MessageTemplate template(String key) {
        MessageTemplate template = byCampaign.get(key);
        if (template == null) {
            throw new IllegalStateException("no template prepared for " + key);
        }
        return template;
    }

    /** Forgets a finished campaign's template. */
    public void finished(String campaignId) {
        byCampaign.remove(campaignId);
    }
}
