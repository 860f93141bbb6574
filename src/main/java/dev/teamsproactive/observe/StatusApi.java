package dev.teamsproactive.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.teamsproactive.ledger.CampaignIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The status page's data, as JSON, and the report files it links to. Called by the {@link StatusRoutes}.
 *
 * <pre>
 * GET /api/campaigns         {"campaigns":[{campaign}, …]}, newest first (at most 50)
 * GET /api/campaigns/{id}    {campaign, "timeline":{"from","to","points":[{"at","sent","inDoubt","skipped","failedByCode"}]}}
 * GET /api/rejected          {"rejected":[{"file","reason","at"}, …]}: inbox/.error's files and why, newest first (at most 50)
 * GET /reports/{id}/deliveries.csv, /reports/{id}/summary.json   the report files, once written
 * campaign: {"id","source","template","status","total","done","sent","failed","inDoubt","skipped","throttled",
 *            "startedAt","finishedAt","failedByCode":{code:n},"failure","responded","read",
 *            "report":{"deliveries":url,"summary":url} or null}
 * </pre>
 */
public final class StatusApi {
    static final String DELIVERIES = "deliveries.csv";
    static final String SUMMARY = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final CampaignBoard board;
    private final Path reports;
    private final Path inbox;
    private final Clock clock;

    public StatusApi(CampaignBoard board, Path reports, Clock clock) {
        this(board, reports, null, clock);
    }

    /** @param inbox the drop folder, whose .error/ files are listed; null for none */
    public StatusApi(CampaignBoard board, Path reports, Path inbox, Clock clock) {
        this.board = board;
        this.reports = reports;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The drop folder's rejected files with their reasons, newest first. */
    public void rejected(Exchange exchange) {
        ObjectNode body = JSON.createObjectNode();
        body.set("rejected", JSON.valueToTree(inbox == null ? java.util.List.of() : RejectedFiles.in(inbox)));
        json(exchange.getMessage(), 200, body);
    }

    public void campaigns(Exchange exchange) {
        json(exchange.getMessage(), 200, campaignsJson());
    }

    /** {@code {"campaigns":[…]}}, newest first, as GET /api/campaigns answers. */
    public ObjectNode campaignsJson() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("campaigns");
        for (CampaignView c : board.latest()) {
            list.add(campaign(c));
        }
        return body;
    }

    public void campaign(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<CampaignView> found = CampaignIds.isSafe(id) ? board.find(id) : Optional.empty();
        if (found.isEmpty()) {
            json(exchange.getMessage(), 404, JSON.createObjectNode().put("error", "No campaign " + id));
            return;
        }
        ObjectNode body = campaign(found.get());
        body.set("timeline", JSON.valueToTree(board.timeline(found.get(), clock.instant())));
        json(exchange.getMessage(), 200, body);
    }

    /** reports/{id}/deliveries.csv or summary.json; nothing else under reports/ is served. */
    public void reportFile(Exchange exchange) {
        Message m = exchange.getMessage();
        String id = m.getHeader("id", String.class);
        String name = m.getHeader("file", String.class);
        Path file = CampaignIds.isSafe(id) && (DELIVERIES.equals(name) || SUMMARY.equals(name))
                ? reports.resolve(id).resolve(name) : null;
        if (file == null || !Files.isRegularFile(file)) {
            json(m, 404, JSON.createObjectNode().put("error", "No report file " + id + "/" + name + " (yet)"));
            return;
        }
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, SUMMARY.equals(name) ? "application/json" : "text/csv; charset=utf-8");
        m.setBody(file.toFile());
    }

    private ObjectNode campaign(CampaignView c) {
        ObjectNode node = JSON.valueToTree(c);
        node.remove("running");
        boolean written = Files.isRegularFile(reports.resolve(c.id()).resolve(SUMMARY));
        if (written) {
            node.putObject("report").put("deliveries", "/reports/" + c.id() + "/" + DELIVERIES)
                    .put("summary", "/reports/" + c.id() + "/" + SUMMARY);
        } else {
            node.putNull("report");
        }
        return node;
    }

    private static void json(Message m, int status, Object body) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            m.setBody(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
