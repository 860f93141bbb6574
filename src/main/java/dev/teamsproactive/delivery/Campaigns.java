package dev.teamsproactive.delivery;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.message.MessageTemplate;
import dev.teamsproactive.recipients.RecipientFile;
import dev.teamsproactive.recipients.RecipientFileSummary;
import dev.teamsproactive.recipients.RecipientStream;
import dev.teamsproactive.safety.GracefulStop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;

/**
 * The campaign stage's beans: checks a file and its template whole before anything is sent, gives the
 * campaign its id and registers it, then streams the recipients to the split.
 */
public final class Campaigns {
    private final Ledger ledger;
    private final Messages messages;
    private final String defaultTemplate;
    private final GracefulStop stop;

    public Campaigns(Ledger ledger, Messages messages, String defaultTemplate, GracefulStop stop) {
        this.ledger = ledger;
        this.messages = messages;
        this.defaultTemplate = defaultTemplate;
        this.stop = stop;
    }

    /** inbox/&lt;template&gt;/file.csv names its template; a file directly in inbox/ names none. */
    public String templateOfDropPath(String relativeName) {
        String normalised = relativeName.replace('\\', '/');
        int slash = normalised.indexOf('/');
        return slash > 0 ? normalised.substring(0, slash) : "";
    }

    /** Validates file and template, registers the campaign; rejects the whole file with a clear reason. */
    public void prepare(Exchange exchange) {
        Path file = Path.of(exchange.getProperty(Props.CAMPAIGN_FILE, String.class));
        String source = exchange.getProperty(Props.SOURCE, file.getFileName().toString(), String.class);
        RecipientFileSummary summary;
        try {
            summary = RecipientFile.validate(file);
        } catch (RejectedInputException e) {
            // Name the file as the person who dropped it knows it, not by this process's absolute path.
            throw new RejectedInputException(source, e.line(), e.reason(), e);
        }
        String asked = exchange.getProperty(Props.TEMPLATE, "", String.class);
        String templateName = !asked.isBlank() ? asked : summary.template() != null ? summary.template() : defaultTemplate;
        MessageTemplate template = messages.load(templateName, source);
        template.validate(summary.columns());
        String campaignId = campaignId(file, source);
        ledger.registerCampaign(campaignId, source, templateName, summary.total());
        messages.prepare(campaignId, template);
        exchange.setProperty(Props.CAMPAIGN_ID, campaignId);
        exchange.setProperty(Props.TEMPLATE, templateName);
        exchange.setProperty(Props.TOTAL, summary.total());
    }

    /**
     * The recipients, read lazily; Camel's streaming split closes the stream when done. A stop ends it early
     * (the campaign resumes at the next start).
     */
    public RecipientStream recipients(Exchange exchange) {
        return stop.untilStopped(RecipientFile.open(Path.of(exchange.getProperty(Props.CAMPAIGN_FILE, String.class))));
    }

    private static String campaignId(Path file, String source) {
        try (InputStream in = Files.newInputStream(file)) {
            return CampaignIds.forFile(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new RejectedInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }
}
