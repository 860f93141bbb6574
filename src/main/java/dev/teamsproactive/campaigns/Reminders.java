package dev.teamsproactive.campaigns;

import dev.teamsproactive.answers.Unanswered;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.Campaign;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.CampaignStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reminder (the {@code remind} command, or a campaign file's {@code reminder:}): a campaign of its own, id
 * {@code <campaignId>.reminder-<round>}, that sends once more to the campaign's SENT recipients who have not answered.
 * It reads the campaign's own source again (its recipients file, or its campaign file and firing) so each message
 * has the recipient's columns, and keeps only the rows due; the rest of the way (claim, ledger, pacing, send, record,
 * report) is any campaign's. The ledger holds the reminder under its id, so the same reminder run again messages
 * nobody twice; an answer to the reminder's card counts for the campaign it reminds of.
 */
public record Reminders(Ledger ledger, Unanswered unanswered, Path campaignsFolder, Path inbox) {
    /** Exchange property: the {@link Reminder} under way, read by the campaign stage. */
    public static final String REMINDER = "reminder";
    /** Exchange property: which reminder of the campaign (1 for the first; default 1). */
    public static final String ROUND = "reminderRound";
    /** Exchange property: the campaign's recipients file, when the user names it ({@code remind --file}). */
    public static final String GIVEN_FILE = "reminderFile";
    private static final String SUFFIX = ".reminder-";
    /** How the schedule stage names a firing's source: {@code campaigns/<file> at <instant>}. */
    private static final Pattern FIRING_SOURCE = Pattern.compile("campaigns/(.+) at (\\S+)");
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    /**
     * A reminder under way.
     *
     * @param dueRows  the line of each SENT row not answered, with its recipient as written (a file's rows are kept by both)
     * @param dueUsers the users' object ids, lower case (a Graph audience's members are kept by id)
     */
    public record Reminder(String id, String campaignId, Map<Integer, String> dueRows, Set<String> dueUsers) {
        public boolean isDue(Recipient row) {
            return row.raw().equals(dueRows.get(row.line()));
        }

        public boolean isDueUser(String userId) {
            return userId != null && dueUsers.contains(userId.toLowerCase(Locale.ROOT));
        }

        public int size() {
            return dueRows.size();
        }
    }

    /** The id of a campaign's reminder of that round, e.g. {@code report-1a2b3c4d5e6f.reminder-1}. */
    public static String idOf(String campaignId, int round) {
        return campaignId + SUFFIX + round;
    }

    /**
     * Turns the exchange ({@code campaignId}, {@code template}: the reminder's, empty for the campaign's own,
     * {@code reminderRound}) into the campaign stage's properties for the campaign's source, with the reminder
     * registered in the ledger; a campaign unknown, still running, a dry run or itself a reminder is refused.
     */
    public void prepare(Exchange exchange) {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        int round = exchange.getProperty(ROUND, 1, Integer.class);
        Campaign campaign = ledger.findCampaign(campaignId).orElseThrow(() -> new RejectedInputException(campaignId,
                "no such campaign in the ledger"));
        String refused = campaign.status() != CampaignStatus.FINISHED ? "it has not finished (a reminder follows a finished campaign)"
                : campaignId.endsWith(FiringIds.DRY_RUN_SUFFIX) ? "it is a dry run: nobody was sent anything"
                : unanswered.remindedCampaign(campaignId).isPresent() ? "it is itself a reminder: remind of the campaign it reminds of"
                : round < 1 || round > 99 ? "the reminder's round must be 1 to 99, not " + round
                : !CampaignIds.isSafe(idOf(campaignId, round)) ? "its id is too long for a reminder's (" + idOf(campaignId, round) + ")"
                : null;
        if (refused != null) {
            throw new RejectedInputException(campaignId, "no reminder: " + refused);
        }
        String asked = exchange.getProperty(Props.TEMPLATE, "", String.class);
        if (exchange.getProperty(CampaignSchedules.DEFINITION) == null) {
            readSourceOf(exchange, campaign);
        }
        Map<Integer, String> rows = new HashMap<>();
        Set<String> users = new HashSet<>();
        for (Unanswered.SentRow row : unanswered.of(campaignId)) {
            rows.put(row.line(), row.recipient());
            users.add(row.userId().toLowerCase(Locale.ROOT));
        }
        String template = asked.isBlank() ? campaign.template() : asked;
        Reminder reminder = new Reminder(idOf(campaignId, round), campaignId, Map.copyOf(rows), Set.copyOf(users));
        ledger.registerCampaign(reminder.id(), campaign.source(), template, reminder.size());
        unanswered.recordReminder(reminder.id(), campaignId);
        LOG.info("Reminder {} of campaign {}: {} of its SENT recipients have not answered, template {}", reminder.id(),
                campaignId, reminder.size(), template);
        exchange.setProperty(REMINDER, reminder);
        exchange.setProperty(Props.TEMPLATE, template);
        exchange.setProperty(Props.SOURCE, campaign.source());
    }

    /** A firing's campaign file and time, else the recipients or campaign file the campaign was made from. */
    private void readSourceOf(Exchange exchange, Campaign campaign) {
        Matcher firing = FIRING_SOURCE.matcher(campaign.source());
        if (firing.matches()) {
            CampaignDefinition definition = DefinitionReader.read(campaignsFolder.resolve(firing.group(1)),
                    "campaigns/" + firing.group(1), true);
            Instant at;
            try {
                at = Instant.parse(firing.group(2));
            } catch (DateTimeParseException e) {
                throw new RejectedInputException(campaign.id(), "no reminder: its source '" + campaign.source()
                        + "' names no firing time", e);
            }
            if (!FiringIds.of(definition, at).equals(campaign.id())) {
                throw new RejectedInputException(campaign.id(), "no reminder: campaigns/" + firing.group(1)
                        + " no longer describes this campaign (its name changed?)");
            }
            exchange.setProperty(CampaignSchedules.DEFINITION, definition);
            exchange.setProperty(CampaignSchedules.SCHEDULED_AT, at);
            return;
        }
        String given = exchange.getProperty(GIVEN_FILE, String.class);
        Path file = dev.teamsproactive.safety.CampaignFiles.locate(campaign.id(), campaign.source(), campaign.template(),
                given == null ? null : Path.of(given), inbox);
        exchange.setProperty(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
    }
}
