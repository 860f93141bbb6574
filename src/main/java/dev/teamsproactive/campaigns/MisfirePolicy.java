package dev.teamsproactive.campaigns;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Predicate;
import org.quartz.CronExpression;

/**
 * What happens to firings missed while the service was down. At start, for each enabled campaign, the
 * latest scheduled time within the grace period before now is fired once, now, unless the ledger already
 * has that firing FINISHED (a firing interrupted half-way is resumed: rows already final are not sent
 * again). Older missed firings are skipped. Quartz itself never fires a time that passed before its
 * trigger existed, so a restart cannot fire anything twice.
 */
public final class MisfirePolicy {
    /** A cron firing every second over a day is 86,400 times: the walk stops well before it could hang. */
    private static final int MAX_STEPS = 100_000;

    private MisfirePolicy() {
    }

    /**
     * @param finished whether the ledger holds the firing at this time as FINISHED
     * @return the firing to run now, if any
     */
    public static Optional<Instant> latestMissed(CampaignDefinition campaign, Instant now, Duration grace,
            Predicate<Instant> finished) {
        if (!campaign.enabled() || campaign.cron() == null || grace.isZero() || grace.isNegative()) {
            return Optional.empty();
        }
        List<Instant> times = scheduledTimes(campaign, now.minus(grace), now);
        Instant latest = times.isEmpty() ? null : times.get(times.size() - 1);
        if (latest == null || !campaign.activeAt(latest) || finished.test(latest)) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }

    /** The times the campaign's cron names in (from, to], oldest first (none for a cron that does not parse). */
    public static List<Instant> scheduledTimes(CampaignDefinition campaign, Instant from, Instant to) {
        List<Instant> times = new ArrayList<>();
        if (campaign.cron() == null) {
            return times;
        }
        CronExpression cron;
        try {
            cron = new CronExpression(campaign.cron());
        } catch (ParseException checkedWhenRead) {
            return times;
        }
        cron.setTimeZone(TimeZone.getTimeZone(campaign.timeZone()));
        Date next = cron.getNextValidTimeAfter(Date.from(from));
        for (int steps = 0; next != null && !next.toInstant().isAfter(to) && steps < MAX_STEPS; steps++) {
            times.add(next.toInstant());
            next = cron.getNextValidTimeAfter(next);
        }
        return times;
    }
}
