package dev.teamsproactive.report;

import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Outcome;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;

/** The record stage: a recipient's final status, as set on the exchange, goes to the ledger. */
public final class Recorder {
    private final Ledger ledger;

    public Recorder(Ledger ledger) {
        this.ledger = ledger;
    }

    public void record(Exchange exchange) {
        ledger.recordOutcome(new Outcome(exchange.getProperty(Props.CAMPAIGN_ID, String.class),
                exchange.getProperty(Props.LINE, Integer.class), exchange.getProperty(Props.RECIPIENT, String.class),
                exchange.getProperty(Props.USER_ID, String.class),
                DeliveryStatus.valueOf(exchange.getProperty(Props.STATUS, String.class)),
                exchange.getProperty(Props.CODE, String.class), exchange.getProperty(Props.DETAIL, String.class),
                exchange.getProperty(Props.CHAT_ID, String.class), exchange.getProperty(Props.ACTIVITY_ID, String.class),
                exchange.getProperty(Props.ATTEMPTS, 0, Integer.class), exchange.getProperty(Props.RESOLVED_BY, String.class)));
    }
}
