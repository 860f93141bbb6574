package dev.teamsproactive.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * One campaign as a file describes it: a scheduled one in {@code config/campaigns/*.yaml}, or a one-off
 * JSON file dropped in the inbox ({@code {"template":…,"audience":{…}}}).
 *
 * @param name      the campaign's name (the schedule's; part of each firing's campaign id)
 * @param file      the file it was read from, as shown in messages
 * @param cron      Quartz cron expression; null for a one-off campaign
 * @param timeZone  the zone the cron and the start/end dates are read in
 * @param template  message template name; null for the default template
 * @param variables values every message of the campaign can use, besides each recipient's own
 * @param start     no firing before this instant (null: no limit)
 * @param end       no firing after this instant (null: no limit)
 * @param enabled   false: loaded and checked, never fired
 * @param dryRun    true: every firing resolves the audience and renders, but installs and sends nothing
 * @param lines     the line of each top-level key in the file (e.g. template → 4), to name it in later checks
 * @param reminder  what follows each firing for those who did not answer; null for nothing
 */
public record CampaignDefinition(String name, String file, String cron, ZoneId timeZone, String template,
        Audience audience, Map<String, String> variables, Instant start, Instant end, boolean enabled,
        boolean dryRun, Map<String, Integer> lines, CampaignReminder reminder) {

    public CampaignDefinition {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    /** A campaign with no reminder. */
    public CampaignDefinition(String name, String file, String cron, ZoneId timeZone, String template, Audience audience,
            Map<String, String> variables, Instant start, Instant end, boolean enabled, boolean dryRun,
            Map<String, Integer> lines) {
        this(name, file, cron, timeZone, template, audience, variables, start, end, enabled, dryRun, lines, null);
    }

    /** A campaign not read from a file (no lines to name). */
    public CampaignDefinition(String name, String file, String cron, ZoneId timeZone, String template, Audience audience,
            Map<String, String> variables, Instant start, Instant end, boolean enabled, boolean dryRun) {
        this(name, file, cron, timeZone, template, audience, variables, start, end, enabled, dryRun, Map.of());
    }

    /** The line of a top-level key ({@code template}, {@code audience} …), or 0 when the file does not write it. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }

    /** Whether a firing at {@code fireTime} falls between the start and end dates. */
    public boolean activeAt(Instant fireTime) {
        return (start == null || !fireTime.isBefore(start)) && (end == null || !fireTime.isAfter(end));
    }
}
