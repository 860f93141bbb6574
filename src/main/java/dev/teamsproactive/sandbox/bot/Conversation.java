package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;

/**
 * A conversation the bot may post to: a user's personal chat ({@code user} set) or a team's channel
 * ({@code team} set). {@code id} is the conversation id as the caller wrote it.
 */
public record Conversation(String id, DirectoryUser user, Seed.Team team) {

    /** The user a personal chat belongs to; null for a channel. */
    public String userId() {
        return user == null ? null : user.id();
    }
}
