package dev.teamsproactive.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.graph.Outcomes;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Dry runs: each recipient's message is rendered, then recorded SKIPPED with code {@code DryRun} instead of
 * being installed and sent. The report adds what would happen: how many would get it, how many users were
 * not found, and the first rendered message as a preview ({@code preview.json} beside the summary).
 */
public final class DryRuns {
    public static final String CODE = "DryRun";
    public static final String PREVIEW_FILE = "preview.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path reportsDir;
    private final Map<String, String> previews = new ConcurrentHashMap<>();

    public DryRuns(Path reportsDir) {
        this.reportsDir = reportsDir;
    }

    /** After messages.render: keeps the campaign's first message as its preview; the row would have been sent. */
    public void wouldSend(Exchange exchange) {
        previews.putIfAbsent(exchange.getProperty(Props.CAMPAIGN_ID, String.class), exchange.getIn().getBody(String.class));
        exchange.setProperty(Props.ATTEMPTS, 0);
        Outcomes.set(exchange, DeliveryStatus.SKIPPED, CODE, "Would be sent: a dry run installs and sends nothing");
    }

    /** After the report: the summary (the body, and summary.json) says it was a dry run and what it found. */
    public void report(Exchange exchange) throws IOException {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        ObjectNode summary = (ObjectNode) JSON.readTree(exchange.getIn().getBody(String.class));
        JsonNode byCode = summary.path("byCode");
        summary.put("dryRun", true);
        summary.put("wouldSend", byCode.path(CODE).asLong(0));
        summary.put("usersNotFound", byCode.path("UserNotFound").asLong(0));
        String preview = previews.remove(campaignId);
        summary.set("preview", preview == null ? null : JSON.readTree(preview));
        Path folder = reportsDir.resolve(campaignId);
        if (preview != null) {
            Files.writeString(folder.resolve(PREVIEW_FILE), pretty(JSON.readTree(preview)), StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve(ReportWriter.SUMMARY_FILE), pretty(summary), StandardCharsets.UTF_8);
        exchange.getIn().setBody(JSON.writeValueAsString(summary));
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n";
    }
}
