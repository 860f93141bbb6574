package dev.teamsproactive.answers;

import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.teamsproactive.ledger.Ledger;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans of routes/8-answers.camel.yaml, bound by the names the YAML uses, and the messaging endpoint's port
 * ({@code teams.bot-endpoint.enabled}, {@code .host}, {@code .port}). Against a sandbox, the service tells the
 * sandbox where its endpoint is, so the sandbox's users can act.
 */
public final class AnswersWiring {
    private static final Logger LOG = LoggerFactory.getLogger(AnswersWiring.class);
    public static final String ENDPOINT_PATH = "/api/messages";

    private AnswersWiring() {
    }

    public static void bindTo(Main main, Settings settings, Target target, Ledger ledger, java.nio.file.Path reports) {
        String enabled = settings.require("teams.bot-endpoint.enabled").trim().toLowerCase(java.util.Locale.ROOT);
        String host = settings.require("teams.bot-endpoint.host");
        int port = settings.getInt("teams.bot-endpoint.port");
        String url = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port + ENDPOINT_PATH;
        main.bind("bot-endpoint", new BotEndpointComponent(enabled, host, port,
                target.sandbox() ? () -> registerWithSandbox(target, url) : () -> { }));
        main.bind("botAuthentication", new BotAuthentication(new ChannelTokenValidator(ChannelAuthority.of(target),
                target.trust())));
        ResponsesTable responses = new ResponsesTable(ledger);
        boolean readReceipts = Boolean.parseBoolean(settings.require("teams.read-receipts.enabled"));
        ResponsesReport report = new ResponsesReport(responses, reports, ledger, readReceipts);
        main.bind("responsesReport", report);
        main.bind("answers", new Answers(responses, report, readReceipts));
        main.bind("readReceipts", new ReadReceipts(ledger.dataSource(), report));
        main.bind("installations", new Installations(ledger, target.credentials().tenantId()));
    }

    private static void registerWithSandbox(Target target, String endpoint) {
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(target.trust()).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target.graph() + "/_sandbox/bot-endpoint"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + endpoint + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                LOG.info("The sandbox's users answer to {}", endpoint);
            } else {
                LOG.warn("The sandbox did not take the messaging endpoint {}: {}", endpoint, answer.statusCode());
            }
        } catch (java.io.IOException e) {
            LOG.warn("The sandbox could not be told the messaging endpoint {}: {}", endpoint, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
