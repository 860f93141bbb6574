package dev.teamsproactive.campaigns;

import java.time.Duration;

/**
 * A scheduled campaign's {@code reminder: {after: P2D, template: NAME}}: each firing is followed, {@code after} its
 * scheduled time, by one reminder to its recipients who have not answered (see {@link ScheduledReminders}).
 *
 * @param template the reminder's template; null for the campaign's own
 */
public record CampaignReminder(Duration after, String template) {
}
