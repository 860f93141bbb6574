package dev.teamsproactive.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.Campaign;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.Progress;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A campaign's summary, as {@code summary.json} holds it and {@code send} prints it.
 *
 * @param finishedAt null while the campaign runs (then {@code durationMs} is null too)
 * @param byCode     how often each code occurs among the rows that were not sent
 */
public record CampaignSummary(String campaignId, String source, String template, long total, long sent, long failed,
        long inDoubt, long skipped, Instant startedAt, Instant finishedAt, Long durationMs, long throttled,
        Map<String, Long> byCode) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static CampaignSummary of(Ledger ledger, String campaignId) {
        Campaign campaign = ledger.findCampaign(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId));
        Progress progress = ledger.progress(campaignId);
        // The time its runs worked on it: a stop and a later resume do not count the downtime between them.
        Long ran = campaign.finishedAt() == null ? null : ledger.runMillis(campaignId, campaign.finishedAt());
        Long durationMs = campaign.finishedAt() == null ? null
                : ran != null ? ran : Duration.between(campaign.startedAt(), campaign.finishedAt()).toMillis();
        return new CampaignSummary(campaign.id(), campaign.source(), campaign.template(), campaign.total(),
                progress.sent(), progress.failed(), progress.inDoubt(), progress.skipped(), campaign.startedAt(),
                campaign.finishedAt(), durationMs, campaign.throttled(), ledger.failureCodes(campaignId));
    }

    /** The summary as one line of JSON, keys in the documented order. */
    public String toJsonLine() {
        return write(false);
    }

    /** The summary as indented JSON, for the file. */
    public String toPrettyJson() {
        return write(true);
    }

    private String write(boolean indent) {
        ObjectNode node = JSON.createObjectNode();
        node.put("campaignId", campaignId);
        node.put("source", source);
        node.put("template", template);
        node.put("total", total);
        node.put("sent", sent);
        node.put("failed", failed);
        node.put("inDoubt", inDoubt);
        node.put("skipped", skipped);
        node.put("startedAt", iso(startedAt));
        node.put("finishedAt", iso(finishedAt));
        node.put("durationMs", durationMs);
        node.put("throttled", throttled);
        ObjectNode codes = node.putObject("byCode");
        byCode.forEach(codes::put);
        try {
            return indent ? JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node)
                    : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
