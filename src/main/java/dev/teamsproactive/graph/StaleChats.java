package dev.teamsproactive.graph;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat from the conversation cache that the Bot Connector no longer knows: 403 BotNotInConversationRoster or
 * ForbiddenOperationException (the app was uninstalled) or 404 ConversationNotFound.
 * bot-send recognises it (routes/5-bot-send.camel.yaml, route repair-stale-chat); {@link #forget} drops the cache entry so that
 * bot-send installs the app again, looks the chat up again and sends once more.
 */
public final class StaleChats {
    private static final Logger LOG = LoggerFactory.getLogger(StaleChats.class);
    private final Ledger ledger;
    private final String tenantId;
    private final String defaultServiceUrl;

    public StaleChats(Ledger ledger, String tenantId, String defaultServiceUrl) {
        this.ledger = ledger;
        this.tenantId = tenantId;
        this.defaultServiceUrl = defaultServiceUrl;
    }

    /**
     * A cached chat's service URL that refused the connection and is not the current target's own (a tenant moved
     * region, a service URL that changed): repaired like a stale chat, with the current URL. The request never went
     * out, so sending again cannot deliver twice.
     */
    public boolean unreachableCachedServiceUrl(Exchange exchange) {
        return exchange.getProperty(Props.CHAT_FROM_CACHE, false, Boolean.class)
                && !defaultServiceUrl.equals(exchange.getProperty(Props.SERVICE_URL, String.class));
    }

    /** Drops the cached chat: the recipient goes through install and chat lookup again. */
    public void forget(Exchange exchange) {
        String userId = exchange.getProperty(Props.USER_ID, String.class);
        LOG.info("Stale cached chat for user {} (campaign {} line {}): installing again and looking the chat up again",
                userId, exchange.getProperty(Props.CAMPAIGN_ID), exchange.getProperty(Props.LINE));
        ledger.forgetConversation(tenantId, userId);
        exchange.removeProperty(Props.STALE_CHAT);
        exchange.removeProperty(Props.CHAT_ID);
        exchange.removeProperty(Props.INSTALLATION_ID);
        exchange.setProperty(Props.CHAT_FROM_CACHE, false);
        exchange.setProperty(Props.SERVICE_URL, defaultServiceUrl);
    }
}
