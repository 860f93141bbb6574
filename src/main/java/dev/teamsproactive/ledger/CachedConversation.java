package dev.teamsproactive.ledger;

import java.time.Instant;

/**
 * A user's 1:1 conversation with the bot, remembered so later sends skip the install and chat lookups.
 *
 * @param chatId     the Bot Connector conversation id ({@code 19:…@unq.gbl.spaces})
 * @param serviceUrl the Bot Connector base URL to send to, when one was learnt
 */
public record CachedConversation(String tenantId, String userId, String installationId, String chatId,
        String serviceUrl, Instant updatedAt) {
}
