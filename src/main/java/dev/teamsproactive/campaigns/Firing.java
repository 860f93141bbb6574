package dev.teamsproactive.campaigns;

import java.time.Instant;

/** One firing of a scheduled campaign: the campaign's name and the time it was scheduled for. */
public record Firing(String name, Instant scheduledAt) {
}
