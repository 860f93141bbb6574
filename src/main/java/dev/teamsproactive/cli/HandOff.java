package dev.teamsproactive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.config.ServiceInfo;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code send} while {@code run} holds the same ledger (an embedded H2 file is one process's at a time): the file is
 * handed to the running service through its drop folder (written under a hidden name, then renamed, so the service
 * never takes half a file), and its campaign is followed through the service's status API until it is final. The
 * user sees what a {@code send} of their own shows: progress on standard error, the summary as the last line of
 * standard output, and the same exit codes.
 */
final class HandOff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** How long the service may not answer (a restart) before the send gives up following it. */
    private static final Duration SERVICE_GONE = Duration.ofSeconds(60);

    private final String base;
    private final ServiceInfo service;
    /** The HTTP port's token, when the service asks for one (bound beyond loopback). */
    private final Optional<String> token;
    /** The template a file that names none is sent with (teams.default-template). */
    private final String defaultTemplate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HandOff(String base, ServiceInfo service, Optional<String> token, String defaultTemplate) {
        this.base = base;
        this.service = service;
        this.token = token;
        this.defaultTemplate = defaultTemplate;
    }

    /** The service running on this configuration's HTTP port with the same ledger, if one answers there. */
    static Optional<HandOff> find(Settings settings) {
        String host = settings.require("teams.http.host");
        String base = "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host)
                + ":" + settings.getInt("teams.http.port");
        HandOff probe;
        try {
            probe = new HandOff(base, null, dev.teamsproactive.config.Secrets.read(settings, "teams.http.token"),
                    settings.require("teams.default-template"));
        } catch (IOException | RuntimeException unreadableToken) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> answer = probe.get(ServiceInfo.PATH);
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            ServiceInfo info = JSON.readValue(answer.body(), ServiceInfo.class);
            boolean sameLedger = info.ledger() != null
                    && info.ledger().equals(ServiceInfo.ledgerIdentity(ServiceInfo.ledgerUrl(settings)));
            return sameLedger ? Optional.of(new HandOff(base, info, probe.token, probe.defaultTemplate)) : Optional.empty();
        } catch (IOException | IllegalArgumentException nothingThere) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    int send(Path file, String template, boolean dryRun) throws IOException, InterruptedException {
        System.err.println("Target: " + service.target() + ", through the service running at " + base);
        if (dryRun) {
            System.err.println("A service is running on this ledger (" + base + "), and a dry run cannot be handed to it:"
                    + " stop the service for the dry run, or send without --dry-run.");
            return SendCommand.FAILED;
        }
        if (template != null && !template.isBlank() && (!template.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || template.contains(".."))) {
            // It names a folder of the service's inbox: nothing else may be made of it.
            System.err.println("--template: '" + template + "' is not a template name (letters, digits, '.', '_' and '-')");
            return SendCommand.REJECTED;
        }
        String campaignId = campaignIdOf(file, template);
        Path inbox = Path.of(service.inbox());
        Path folder = template == null || template.isBlank() ? inbox : inbox.resolve(template);
        String name = file.getFileName().toString();
        Path dropped = folder.resolve(name);
        if (Files.exists(dropped)) {
            System.err.println(dropped + " is already waiting in the running service's inbox: it is sent as it is;"
                    + " see " + base + "/status");
            return SendCommand.FAILED;
        }
        Files.createDirectories(folder);
        Instant handedAt = Instant.now().minusSeconds(1);
        // Written in a hidden folder of the inbox (never looked into), then renamed into place in one step.
        Path sending = Files.createDirectories(inbox.resolve(".sending"));
        Path partial = sending.resolve(name + "-" + ProcessHandle.current().pid());
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("A service is running on this ledger: " + name + " is handed to it (" + dropped
                + "); following campaign " + campaignId + " at " + base + "/status");
        return follow(campaignId, inbox, dropped, handedAt);
    }

    /**
     * The id the service gives the file: its own id, qualified by the template when one other than the file's own
     * (the one it names, else the default) is asked for. A file the service will reject keeps its plain id: the
     * rejection is seen in inbox/.error/.
     */
    private String campaignIdOf(Path file, String template) throws IOException {
        String fileId = CampaignIds.forFile(file);
        if (template == null || template.isBlank()) {
            return fileId;
        }
        String ownTemplate;
        try {
            ownTemplate = Optional.ofNullable(dev.teamsproactive.recipients.RecipientFile.validate(file).template())
                    .orElse(defaultTemplate);
        } catch (RuntimeException rejected) {
            return fileId;
        }
        return template.equals(ownTemplate) ? fileId : CampaignIds.withTemplate(fileId, template);
    }

    private int follow(String campaignId, Path inbox, Path dropped, Instant handedAt) throws InterruptedException {
        String name = dropped.getFileName().toString();
        Path reason = inbox.resolve(".error").resolve(name + ".error.txt");
        Instant lastAnswer = Instant.now();
        Instant lastProgress = Instant.MIN;
        while (true) {
            boolean taken = !Files.exists(dropped);
            if (taken && modifiedSince(reason, handedAt)) {
                String text = read(reason).strip();
                System.err.println(text);
                // As send: a rejected file exits 2; a failed preflight or any other failure, 1.
                return text.startsWith("Preflight failed") || text.startsWith("The campaign failed")
                        ? SendCommand.FAILED : SendCommand.REJECTED;
            }
            try {
                HttpResponse<String> answer = get("/api/campaigns/" + campaignId);
                lastAnswer = Instant.now();
                if (answer.statusCode() == 200) {
                    JsonNode campaign = JSON.readTree(answer.body());
                    if (taken && "FINISHED".equals(campaign.path("status").asText()) && campaign.path("report").isObject()) {
                        HttpResponse<String> summary = get(campaign.path("report").path("summary").asText());
                        if (summary.statusCode() == 200) {
                            // One line, as send prints it (the report file is indented).
                            System.out.println(JSON.readTree(summary.body()).toString());
                            return 0;
                        }
                    }
                    if (Duration.between(lastProgress, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                        lastProgress = Instant.now();
                        System.err.println(progress(campaign));
                    }
                }
            } catch (IOException notAnswering) {
                if (Duration.between(lastAnswer, Instant.now()).compareTo(SERVICE_GONE) > 0) {
                    System.err.println("The service at " + base + " stopped answering. " + (Files.exists(dropped)
                            ? "The file stays in its inbox and is sent when it starts again."
                            : "The campaign resumes when it starts again; see `status`."));
                    return SendCommand.FAILED;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String progress(JsonNode c) {
        long total = c.path("total").asLong();
        long done = c.path("done").asLong();
        return "Progress campaign=" + c.path("id").asText() + " done=" + done + "/" + total
                + (total > 0 ? " (" + done * 100 / total + "%)" : "") + " sent=" + c.path("sent").asLong() + " failed="
                + c.path("failed").asLong() + " inDoubt=" + c.path("inDoubt").asLong() + " skipped="
                + c.path("skipped").asLong();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "The campaign failed: " + e.getMessage();
        }
    }
}
