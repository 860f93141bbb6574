package dev.teamsproactive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.config.Secrets;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.observe.CampaignBoard;
import dev.teamsproactive.observe.StatusApi;
import dev.teamsproactive.observe.StatusTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status}: the latest campaigns with their counts. Asks the running service first (its HTTP port, as
 * configured); when none answers, reads the ledger itself. The embedded H2 ledger is a file only one process
 * may open, so while the service runs with its port closed the ledger cannot be read from here.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the latest campaigns with their counts (from the running service, else from the ledger).")
final class StatusCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "DIR", description = "Folder of application.properties (default: ./config).")
    Path configDir = Path.of("config");

    @Option(names = "--json", description = "Print the campaigns as JSON (as GET /api/campaigns answers).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(configDir, System.getenv());
        Optional<String> httpToken;
        String ledgerPassword;
        try {
            // Secrets as `run` reads them: from the environment or a file outside the repository, never from
            // application.properties.
            httpToken = Secrets.read(settings, "teams.http.token");
            ledgerPassword = Secrets.read(settings, "teams.ledger.password").orElse("");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        JsonNode campaigns = fromService(settings, httpToken);
        if (campaigns == null) {
            campaigns = fromLedger(settings, ledgerPassword);
            if (campaigns == null) {
                return 1;
            }
        }
        if (json) {
            System.out.println(JSON.writeValueAsString(campaigns));
        } else {
            StatusTable.lines(campaigns).forEach(System.out::println);
        }
        return 0;
    }

    /** GET /api/campaigns of the service on this machine, or null when nothing answers there. */
    private static JsonNode fromService(Settings settings, Optional<String> token) {
        String host = settings.require("teams.http.host");
        String url = "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + settings.getInt("teams.http.port")
                + "/api/campaigns";
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(withToken(HttpRequest.newBuilder(URI.create(url)), token).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                System.err.println("From the running service at " + url);
                return JSON.readTree(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception nothingThere) {
            // No service running (or its port is closed): read the ledger.
        }
        return null;
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, Optional<String> token) {
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private static JsonNode fromLedger(Settings settings, String password) {
        String url = settings.require("teams.ledger.url");
        try (Ledger ledger = Ledger.open(url, settings.require("teams.ledger.user"),
                password)) {
            return new StatusApi(new CampaignBoard(ledger.dataSource()), Path.of(settings.require("teams.reports")),
                    Clock.systemUTC()).campaignsJson();
        } catch (RuntimeException e) {
            System.err.println("Cannot read the ledger (" + url.replaceFirst(";.*$", "") + "): " + e.getMessage()
                    + "\nWhile the service runs with its HTTP port closed, its H2 ledger file is locked: open the port"
                    + " (teams.http.enabled) or use a PostgreSQL ledger.");
            return null;
        }
    }
}
