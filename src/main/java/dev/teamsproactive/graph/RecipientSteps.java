package dev.teamsproactive.graph;

import dev.teamsproactive.ledger.CachedConversation;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.RowClaim;
import dev.teamsproactive.ledger.UserClaim;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientKey;
import dev.teamsproactive.resilience.RetryPolicy;
import java.util.Optional;
import org.apache.camel.Exchange;

/** The recipient stage's ledger steps: claim the row, claim the user, use and fill the conversation cache. */
public final class RecipientSteps {
    private final Ledger ledger;
    private final String tenantId;
    private final String defaultServiceUrl;
    private final RecentUserClaims recentClaims = new RecentUserClaims();

    public RecipientSteps(Ledger ledger, String tenantId, String defaultServiceUrl) {
        this.ledger = ledger;
        this.tenantId = tenantId;
        this.defaultServiceUrl = defaultServiceUrl;
    }

    /** Spreads the row over exchange properties and claims it; a row already final is marked done. */
    public void begin(Exchange exchange) {
        Recipient r = exchange.getIn().getBody(Recipient.class);
        RecipientKey key = r.key();
        exchange.setProperty(Props.LINE, r.line());
        exchange.setProperty(Props.RECIPIENT, r.raw());
        exchange.setProperty(Props.VARIABLES, r.variables());
        exchange.setProperty(Props.KEY_KIND, key.kind().name());
        exchange.setProperty(Props.ATTEMPTS, 0);
        RetryPolicy.forgetRetries(exchange);
        if (key.isValid()) {
            exchange.setProperty(Props.KEY_VALUE, key.value());
            exchange.setProperty(Props.KEY_PATH, key.pathSegment());
            exchange.setProperty(Props.KEY_LITERAL, key.queryLiteral());
        } else {
            exchange.setProperty(Props.KEY_PROBLEM, key.problem());
        }
        RowClaim claim = ledger.claimRow(campaignId(exchange), r.line(), r.raw());
        exchange.setProperty(Props.ROW_DONE, claim.result() == RowClaim.Result.ALREADY_FINAL);
        // A row sent again (resend) goes on counting its attempts.
        exchange.setProperty(Props.ATTEMPTS, claim.attempts());
    }

    /** Records the resolved user on the row; the same user on an earlier line makes this row SKIPPED. */
    public void claimUser(Exchange exchange) {
        int line = exchange.getProperty(Props.LINE, Integer.class);
        String userId = exchange.getProperty(Props.USER_ID, String.class);
        Integer knownHolder = recentClaims.holder(campaignId(exchange), userId);
        if (knownHolder != null && knownHolder != line) {
            Outcomes.set(exchange, dev.teamsproactive.ledger.DeliveryStatus.SKIPPED, "DuplicateRecipient",
                    "The same user as line " + knownHolder);
            return;
        }
        UserClaim claim = ledger.claimUser(campaignId(exchange), line, userId);
        if (claim.result() != UserClaim.Result.ALREADY_SENT) {
            recentClaims.remember(campaignId(exchange), userId, claim.holderLine());
        }
        if (!claim.isOk()) {
            Outcomes.set(exchange, dev.teamsproactive.ledger.DeliveryStatus.SKIPPED,
                    claim.result() == UserClaim.Result.DUPLICATE ? "DuplicateRecipient" : "AlreadySent",
                    "The same user as line " + claim.holderLine());
        }
    }

    /** A user reached before needs no Graph call: their chat and serviceUrl come from the cache. */
    public void lookUpCachedChat(Exchange exchange) {
        Optional<CachedConversation> cached = ledger.findConversation(tenantId, exchange.getProperty(Props.USER_ID, String.class))
                // A chat id goes into the Bot Connector's URL: one of another shape is looked up again instead.
                .filter(c -> GraphAnswers.isChatId(c.chatId()));
        if (cached.isPresent()) {
            exchange.setProperty(Props.CHAT_ID, cached.get().chatId());
            exchange.setProperty(Props.INSTALLATION_ID, cached.get().installationId());
            exchange.setProperty(Props.SERVICE_URL, ServiceUrls.forCachedChat(cached.get().serviceUrl(), defaultServiceUrl));
            exchange.setProperty(Props.CHAT_FROM_CACHE, true);
        } else {
            exchange.setProperty(Props.SERVICE_URL, defaultServiceUrl);
        }
    }

    public void rememberChat(Exchange exchange) {
        ledger.saveConversation(tenantId, exchange.getProperty(Props.USER_ID, String.class),
                exchange.getProperty(Props.INSTALLATION_ID, String.class), exchange.getProperty(Props.CHAT_ID, String.class),
                exchange.getProperty(Props.SERVICE_URL, String.class));
    }

    private static String campaignId(Exchange exchange) {
        return exchange.getProperty(Props.CAMPAIGN_ID, String.class);
    }
}
