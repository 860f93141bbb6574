package dev.teamsproactive.answers;

import java.time.Instant;

/**
 * One recorded answer.
 *
 * @param action   the Action.Execute verb, {@code submit} for an Action.Submit, {@code reply} for free text
 * @param values   the card's inputs or the action's data, as a JSON object (a reply: {"text":…})
 * @param standing whether the user was a SENT recipient of a known campaign
 */
public record Response(String campaignId, String userId, String action, String values, String activityId,
        Standing standing, Instant respondedAt) {

    public enum Standing {
        RECIPIENT, NOT_RECIPIENT, UNKNOWN_CAMPAIGN
    }
}
