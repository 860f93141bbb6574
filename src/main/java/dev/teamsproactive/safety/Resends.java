package dev.teamsproactive.safety;

import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code resend} command's step in the campaign route: once the run holds the campaign's lease, the
 * chosen FAILED / IN_DOUBT rows become to-do again, and the campaign runs as a resumed one (only those rows,
 * plus any left to do, are sent; attempts go on counting; the report is rewritten).
 */
public final class Resends {
    private static final Logger LOG = LoggerFactory.getLogger(Resends.class);

    /** What to send again: rows of these statuses, and of these codes (any code when empty). */
    public record Request(Set<DeliveryStatus> statuses, Set<String> codes) {
    }

    private final Ledger ledger;

    public Resends(Ledger ledger) {
        this.ledger = ledger;
    }

    public void reopen(Exchange exchange) {
        Request request = exchange.getProperty(Props.RESEND, Request.class);
        if (request == null) {
            return;
        }
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        int n = ledger.reopen(campaignId, exchange.getProperty(Props.RUN_LEASE, String.class), request.statuses(),
                request.codes());
        exchange.setProperty(Props.RESENT, n);
        LOG.info("Campaign {}: sending {} recipients again ({}{})", campaignId, n, request.statuses(),
                request.codes().isEmpty() ? "" : " with code " + request.codes());
    }
}
