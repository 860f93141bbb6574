package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench answers}: how many answers a second the bot's messaging endpoint absorbs, and how fast it answers
 * each. A sandbox process (limits off) and the service as its own process ({@code run}, the endpoint open, every
 * token checked against the sandbox's keys); a campaign reaches {@code answers} users, then the sandbox, playing
 * Teams ({@code POST /_sandbox/acts/load}), has each of them press the card's Acknowledge button, {@code senders} at
 * a time, each sender pressing again as soon as its previous press is answered. Each press is an {@code invoke}
 * through routes/8-answers.camel.yaml: token check, a first-wins ledger row, the refreshed card. A warm-up of the
 * same presses for a campaign the service does not know comes first, unmeasured (JIT). The run counts only once the
 * campaign's report says every user responded.
 */
final class AnswersBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WARM_UP = 10_000;
    private static final String WARM_UP_CAMPAIGN = "bench-warm-up";
    /** The report is rewritten every teams.bot-endpoint.report-ms (its default, as users run it, is kept). */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(60);

    private final BenchSetup setup;
    private final Path dir;
    private final Map<String, String> noPacing;
    private final int answers;
    private final int senders;
    private final PrintStream log;

    AnswersBench(BenchSetup setup, Path dir, Map<String, String> noPacing) {
        this.setup = setup;
        this.dir = dir;
        this.noPacing = noPacing;
        this.answers = setup.sizes().answers();
        this.senders = setup.sizes().answerSenders();
        this.log = setup.log();
    }

    void run() throws IOException, InterruptedException {
        List<String> sandboxFlags = List.of("--users", Integer.toString(answers), "--limits", "off");
        log.printf("bench: answers: sandbox %s, work folder %s%n", String.join(" ", sandboxFlags), dir);
        try (SandboxProcess sandbox = SandboxProcess.start(setup.jar(), dir.resolve("sandbox.log"), sandboxFlags)) {
            Map<String, String> environment = new HashMap<>(noPacing);
            environment.put("TEAMS_BOT_ENDPOINT_ENABLED", "auto");
            environment.put("TEAMS_BOT_ENDPOINT_PORT", Integer.toString(ServiceProcess.freePort()));
            try (ServiceProcess service = ServiceProcess.start(setup.jar(), dir, "answers", sandbox.url(),
                    setup.serviceJvmFlags(), environment)) {
                Path file = RecipientFiles.write(Files.createDirectories(dir.resolve("files")).resolve("answers.csv"), 1,
                        answers, RecipientFiles.Key.ID);
                String campaignId = CampaignIds.forFile(file);
                JsonNode campaign = service.send(file);
                if (campaign.path("sent").asLong() != answers) {
                    throw new IOException("the campaign reached " + campaign.path("sent").asLong() + " of " + answers
                            + " users; see " + dir);
                }
                JsonNode warmUp = press(sandbox, WARM_UP_CAMPAIGN, Math.min(answers, MAX_WARM_UP));
                log.printf("bench: answers: warm-up (not measured, an unknown campaign): %s%n", warmUp);
                Duration serviceCpu = service.cpu();
                Duration sandboxCpu = sandbox.cpu();
                JsonNode measured = press(sandbox, campaignId, answers);
                log.printf("bench: answers: %s%n", measured);
                // What each answer cost in CPU, whatever else the machine was doing: the service's, and the sandbox's
                // (as Teams: building, signing-free sending and timing the activities).
                log.printf(Locale.ROOT, "bench: answers: CPU per answer: service %.3f ms, sandbox %.3f ms%n",
                        service.cpu().minus(serviceCpu).toNanos() / 1e6 / answers,
                        sandbox.cpu().minus(sandboxCpu).toNanos() / 1e6 / answers);
                long responded = awaitResponded(campaignId);
                log.printf("bench: answers: the campaign's summary.json says %d of %d responded%n", responded, answers);
                setup.lines().reportAnswers(measured, service.stop(), answers, senders);
            }
        }
    }

    /** Every one of {@code count} users presses Acknowledge on the campaign's card; each press must be answered 200. */
    private JsonNode press(SandboxProcess sandbox, String campaignId, int count) throws IOException, InterruptedException {
        ObjectNode load = JSON.createObjectNode().put("kind", "execute").put("verb", "acknowledge")
                .put("count", count).put("concurrency", senders).put("firstUser", 1);
        load.putObject("data").put("campaignId", campaignId);
        JsonNode figures = sandbox.post("/_sandbox/acts/load", load.toString(), Duration.ofMinutes(30));
        JsonNode statuses = figures.path("statuses");
        if (statuses.size() != 1 || statuses.path("200").asInt() != count) {
            throw new IOException("not every press was answered 200: " + statuses + "; see " + dir);
        }
        return figures;
    }

    /** summary.json's {@code responded} once it counts every user, or what it says after a minute. */
    private long awaitResponded(String campaignId) throws IOException, InterruptedException {
        Path summary = dir.resolve("reports").resolve(campaignId).resolve("summary.json");
        long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
        long responded = -1;
        while (System.nanoTime() < deadline) {
            responded = JSON.readTree(summary.toFile()).path("responded").asLong(-1);
            if (responded == answers) {
                break;
            }
            Thread.sleep(200);
        }
        return responded;
    }
}
