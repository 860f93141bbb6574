package dev.teamsproactive.campaigns;

import dev.teamsproactive.ledger.CampaignStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders a campaign file's {@code reminder: {after: …}} asks for (routes/0-schedules.camel.yaml): the latest
 * firing whose time plus {@code after} has come, within the misfire grace (teams.campaigns.misfire-grace, as for a
 * missed firing), is reminded once, when the ledger has that firing FINISHED and its reminder not FINISHED. The ledger
 * alone decides, so a restart neither loses a reminder nor sends it twice (a reminder cut short resumes).
 */
public record ScheduledReminders(CampaignSchedules schedules, Ledger ledger, Duration grace, Clock clock, Set<String> started) {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReminders.class);

    /**
     * @param grace how long after its time a reminder may still run (teams.campaigns.misfire-grace)
     */
    public ScheduledReminders(CampaignSchedules schedules, Ledger ledger, Duration grace, Clock clock) {
        // started: the reminders this process started, each once; a failed one waits for a restart.
        this(schedules, ledger, grace, clock, ConcurrentHashMap.newKeySet());
    }

    /** The firings whose reminder is due now. */
    public List<Firing> due() {
        Instant now = clock.instant();
        List<Firing> due = new ArrayList<>();
        for (CampaignDefinition campaign : schedules.campaigns()) {
            CampaignReminder reminder = campaign.reminder();
            if (reminder == null || campaign.dryRun()) {
                continue;
            }
            // The firing at "now - after" is the latest one due, found as a missed firing would be.
            MisfirePolicy.latestMissed(campaign, now.minus(reminder.after()), grace, at -> !isDue(campaign, at))
                    .ifPresent(at -> due.add(new Firing(campaign.name(), at)));
        }
        return due;
    }

    private boolean isDue(CampaignDefinition campaign, Instant at) {
        String firingId = FiringIds.of(campaign, at);
        String reminderId = Reminders.idOf(firingId, 1);
        return !started.contains(reminderId)
                && ledger.findCampaign(firingId).map(c -> c.status() == CampaignStatus.FINISHED).orElse(false)
                && ledger.findCampaign(reminderId).map(c -> c.status() != CampaignStatus.FINISHED).orElse(true);
    }

    /** The body (a due firing) becomes what direct:reminder reads: the firing's campaign, source and template. */
    public void begin(Exchange exchange) {
        Firing firing = exchange.getIn().getBody(Firing.class);
        CampaignDefinition campaign = schedules.campaign(firing.name()).orElseThrow();
        String firingId = FiringIds.of(campaign, firing.scheduledAt());
        started.add(Reminders.idOf(firingId, 1));
        LOG.info("Campaign {}: the reminder of its firing at {} is due", campaign.name(), firing.scheduledAt());
        exchange.setProperty(CampaignSchedules.DEFINITION, campaign);
        exchange.setProperty(CampaignSchedules.SCHEDULED_AT, firing.scheduledAt());
        exchange.setProperty(Props.CAMPAIGN_ID, firingId);
        exchange.setProperty(Props.TEMPLATE, campaign.reminder().template() == null ? "" : campaign.reminder().template());
    }
}
