package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.message.MessageTemplate;
import dev.teamsproactive.message.Messages;
import dev.teamsproactive.props.AudienceProps;
import dev.teamsproactive.props.Props;
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
    private final AudienceCampaigns audienceCampaigns;
    private final RecipientShares shares;

    public Campaigns(Ledger ledger, Messages messages, String defaultTemplate, GracefulStop stop, RecipientShares shares) {
        this.ledger = ledger;
        this.shares = shares;
        this.messages = messages;
        this.defaultTemplate = defaultTemplate;
        this.stop = stop;
        this.audienceCampaigns = new AudienceCampaigns(ledger, messages, defaultTemplate);
    }

    /** inbox/&lt;template&gt;/file.csv names its template; a file directly in inbox/ names none. */
    public String templateOfDropPath(String relativeName) {
        String normalised = relativeName.replace('\\', '/');
        int slash = normalised.indexOf('/');
        return slash > 0 ? normalised.substring(0, slash) : "";
    }

    /**
     * Checks a scheduled campaign when its file is loaded as a firing would (template, variables, audience), so a
     * mistake is reported at once; see AudienceCampaigns#check.
     */
    public void check(CampaignDefinition campaign) {
        audienceCampaigns.check(campaign);
    }

    /** Validates file and template, registers the campaign; rejects the whole file with a clear reason. */
    public void prepare(Exchange exchange) {
        // A schedule's firing or a campaign file names its audience (see AudienceCampaigns).
        CampaignDefinition campaign = CampaignFiles.definitionOf(exchange);
        if (campaign != null) {
            audienceCampaigns.prepare(exchange, campaign);
            return;
        }
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
        String ownTemplate = summary.template() != null ? summary.template() : defaultTemplate;
        String templateName = !asked.isBlank() ? asked : ownTemplate;
        MessageTemplate template = messages.load(templateName, source);
        template.validate(summary.columns());
        // The same file with another template (inbox/<template>/, --template) is another campaign.
        String fileId = campaignId(file, source);
        String baseId = templateName.equals(ownTemplate) ? fileId : CampaignIds.withTemplate(fileId, templateName);
        // A dry run is a campaign of its own, so it never counts as the real one having been sent.
        boolean dryRun = exchange.getProperty(AudienceProps.DRY_RUN, false, Boolean.class);
        String campaignId = FiringIds.dryRun(baseId, dryRun);
        // A reminder: the campaign's file again, under the reminder's own id, for the rows due alone.
        Reminders.Reminder reminder = exchange.getProperty(Reminders.REMINDER, Reminders.Reminder.class);
        long total = reminder == null ? summary.total() : reminder.size();
        campaignId = reminder == null ? campaignId : reminder.id();
        RepeatedCampaigns.tell(exchange, ledger.registerCampaign(campaignId, source, templateName, total));
        messages.prepare(campaignId, template);
        exchange.setProperty(Props.CAMPAIGN_ID, campaignId);
        exchange.setProperty(Props.TEMPLATE, templateName);
        exchange.setProperty(Props.TOTAL, total);
    }

    /**
     * The recipients, read lazily; Camel's streaming split closes the stream when done. A stop ends it early
     * (the campaign resumes at the next start). Each is read once the campaign has room ({@link RecipientShares}).
     */
    public RecipientStream recipients(Exchange exchange) {
        RecipientStream all = exchange.getProperty(CampaignSchedules.DEFINITION) != null
                ? audienceCampaigns.recipients(exchange)
                : RecipientFile.open(Path.of(exchange.getProperty(Props.CAMPAIGN_FILE, String.class)));
        Reminders.Reminder reminder = exchange.getProperty(Reminders.REMINDER, Reminders.Reminder.class);
        return shares.gated(exchange.getProperty(Props.CAMPAIGN_ID, String.class),
                stop.untilStopped(reminder == null ? all : RecipientStream.filtered(all, reminder::isDue)));
    }

    private static String campaignId(Path file, String source) {
        try (InputStream in = Files.newInputStream(file)) {
            return CampaignIds.forFile(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new RejectedInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }
}
