package dev.teamsproactive.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.message.Messages;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.resilience.ThrottleCounter;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.camel.Exchange;

/** The report stage: closes the campaign and writes reports/&lt;campaignId&gt;/; the body becomes the summary. */
public final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Ledger ledger;
    private final Path reportsDir;
    private final ThrottleCounter throttles;
    private final Messages messages;

    public Reports(Ledger ledger, Path reportsDir, ThrottleCounter throttles, Messages messages) {
        this.ledger = ledger;
        this.reportsDir = reportsDir;
        this.throttles = throttles;
        this.messages = messages;
    }

    public void write(Exchange exchange) throws IOException {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        ledger.addThrottled(campaignId, throttles.drain(campaignId));
        ledger.finishCampaign(campaignId);
        Report report = ReportWriter.write(ledger, campaignId, reportsDir);
        messages.finished(campaignId);
        // One line of JSON: what `send` prints last.
        exchange.getIn().setBody(JSON.writeValueAsString(JSON.readTree(report.summaryJson().toFile())));
    }
}
