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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The campaign stage for a campaign that names its audience (a schedule's firing, or a campaign file): checks
 * the template against what the audience offers, gives the campaign its id and registers it. A Graph audience
 * has no known size up front: its total starts at 0 and grows page by page.
 */
final class AudienceCampaigns {
    /** What every user of a Graph audience brings to the template. */
    static final List<String> USER_COLUMNS = List.of("id", "userPrincipalName", "mail", "displayName", "name");
    static final String LISTED_USER_COLUMN = "user";

    private final Ledger ledger;
    private final Messages messages;
    private final String defaultTemplate;

    AudienceCampaigns(Ledger ledger, Messages messages, String defaultTemplate) {
        this.ledger = ledger;
        this.messages = messages;
        this.defaultTemplate = defaultTemplate;
    }

    void prepare(Exchange exchange, CampaignDefinition campaign) {
        String source = exchange.getProperty(Props.SOURCE, campaign.file(), String.class);
        boolean dryRun = campaign.dryRun() || exchange.getProperty(AudienceProps.DRY_RUN, false, Boolean.class);
        Audience audience = campaign.audience();
        String asked = exchange.getProperty(Props.TEMPLATE, "", String.class);
        String ownTemplate = campaign.template() != null ? campaign.template() : defaultTemplate;
        String templateName = !asked.isBlank() ? asked : ownTemplate;
        MessageTemplate template = messages.load(templateName, source);
        long total = switch (audience.kind()) {
            case USERS -> audience.users().size();
            case FILE -> 0;
            case CHANNEL -> 1;
            default -> 0;
        };
        RecipientFileSummary summary = audience.kind() == Audience.Kind.FILE ? RecipientFile.validate(audience.file()) : null;
        if (summary != null) {
            total = summary.total();
        }
        template.validate(columns(campaign, summary));
        // The same campaign file with another template (inbox/<template>/, --template) is another campaign.
        String baseId = baseId(exchange, campaign, source);
        if (!templateName.equals(ownTemplate)) {
            baseId = CampaignIds.withTemplate(baseId, templateName);
        }
        String campaignId = FiringIds.dryRun(baseId, dryRun);
        // A reminder: the campaign's audience again, under the reminder's own id, for the users due alone.
        Reminders.Reminder reminder = exchange.getProperty(Reminders.REMINDER, Reminders.Reminder.class);
        if (reminder != null) {
            campaignId = reminder.id();
            total = audience.kind().paged() ? 0 : reminder.size();
        }
        RepeatedCampaigns.tell(exchange, ledger.registerCampaign(campaignId, source, templateName, total));
        messages.prepare(campaignId, template);
        exchange.setProperty(CampaignSchedules.DEFINITION, campaign);
        exchange.setProperty(Props.CAMPAIGN_ID, campaignId);
        exchange.setProperty(Props.TEMPLATE, templateName);
        exchange.setProperty(Props.TOTAL, audience.kind().paged() ? "an unknown number of" : Long.toString(total));
        exchange.setProperty(AudienceProps.DRY_RUN, dryRun);
        exchange.setProperty(AudienceProps.AUDIENCE, audience.kind().key());
        exchange.setProperty(AudienceProps.AUDIENCE_ID, audience.id());
        exchange.setProperty(AudienceProps.AUDIENCE_FILTER, audience.filter());
        exchange.setProperty(AudienceProps.AUDIENCE_CHANNEL, audience.channel());
    }

    /**
     * What a firing checks, done when a campaign file is loaded so that a mistake shows at once rather than at the
     * first firing: the template exists, renders to a valid message, and each variable it uses comes from the
     * audience or the campaign's {@code variables:}; a recipients file passes the whole-file checks; listed users
     * are well-formed.
     *
     * @throws RejectedInputException naming the problem
     */
    void check(CampaignDefinition campaign) {
        String templateName = campaign.template() != null ? campaign.template() : defaultTemplate;
        MessageTemplate template = messages.load(templateName, campaign.file());
        Audience audience = campaign.audience();
        for (String user : audience.users()) {
            dev.teamsproactive.recipients.RecipientKey key = dev.teamsproactive.recipients.RecipientKey.fromColumn("id", user);
            if (!key.isValid()) {
                throw new RejectedInputException(campaign.file(), campaign.lineOf("audience"),
                        "the listed user '" + user + "' is not usable: " + key.problem());
            }
        }
        RecipientFileSummary summary = audience.kind() == Audience.Kind.FILE ? RecipientFile.validate(audience.file()) : null;
        template.validate(columns(campaign, summary));
        // The reminder's own template, as its firings would render it.
        CampaignReminder reminder = campaign.reminder();
        if (reminder != null && reminder.template() != null) {
            try {
                messages.load(reminder.template(), campaign.file()).validate(columns(campaign, summary));
            } catch (RejectedInputException e) {
                throw new RejectedInputException(campaign.file(), campaign.lineOf("reminder"), "reminder's template "
                        + reminder.template() + ": " + (campaign.file().equals(e.file()) ? e.reason() : e.getMessage()), e);
            }
        }
    }

    /** The variables a recipient of this campaign brings to the template: the campaign's own, and the audience's. */
    private static List<String> columns(CampaignDefinition campaign, RecipientFileSummary fileSummary) {
        List<String> columns = new ArrayList<>(campaign.variables().keySet());
        switch (campaign.audience().kind()) {
            case USERS -> columns.add(LISTED_USER_COLUMN);
            case FILE -> columns.addAll(fileSummary.columns());
            case CHANNEL -> columns.addAll(List.of("team", "channel"));
            default -> columns.addAll(USER_COLUMNS);
        }
        return columns;
    }

    /** Listed users or a recipients file, each row with the campaign's variables too. */
    RecipientStream recipients(Exchange exchange) {
        CampaignDefinition campaign = exchange.getProperty(CampaignSchedules.DEFINITION, CampaignDefinition.class);
        Audience audience = campaign.audience();
        return audience.kind() == Audience.Kind.FILE
                ? ListedRecipients.withVariables(RecipientFile.open(audience.file()), campaign.variables())
                : ListedRecipients.of(audience.users(), campaign.variables());
    }

    /** A firing: its name and scheduled time. A campaign file: its name and content, like a recipients file. */
    private static String baseId(Exchange exchange, CampaignDefinition campaign, String source) {
        Instant scheduledAt = exchange.getProperty(CampaignSchedules.SCHEDULED_AT, Instant.class);
        if (scheduledAt != null) {
            return CampaignIds.forSchedule(campaign.name(), scheduledAt);
        }
        try {
            return CampaignIds.forFile(Path.of(exchange.getProperty(Props.CAMPAIGN_FILE, String.class)));
        } catch (IOException e) {
            throw new RejectedInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }
}
