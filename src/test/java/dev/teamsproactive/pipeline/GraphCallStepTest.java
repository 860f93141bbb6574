package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Graph and Bot Connector call of routes/ is one step, {@code to: kamelet:graph-call?…} (or bot-call), whose
 * per-recipient parameters (${exchangeProperty.userId} in a path) are evaluated per exchange inside the kamelet's
 * route: Camel makes one route per call site, never one per recipient, so a campaign of many recipients leaves the
 * CamelContext with as many routes as a campaign of one.
 */
class GraphCallStepTest {
    private static final int USERS = 30;
    private static final Pattern KAMELET_STEP = Pattern.compile("-\\s+to:\\s+\"kamelet:([a-z-]+)\\?");
    @TempDir
    Path work;

    @Test
    void theRoutesDoNotGrowWithTheNumberOfRecipients() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(USERS))) {
            JsonNode one = fixture.sendOk(usersFile("one.csv", 1, 1));
            assertThat(one.get("sent").asInt()).as("summary %s", one).isEqualTo(1);
            Set<String> afterOne = routeIds(fixture);

            JsonNode many = fixture.sendOk(usersFile("many.csv", 2, USERS));
            assertThat(many.get("sent").asInt()).as("summary %s", many).isEqualTo(USERS - 1);
            Set<String> afterMany = routeIds(fixture);

            assertThat(afterMany).as("routes after %d recipients", USERS).isEqualTo(afterOne);
            // One kamelet route per kamelet step written in routes/.
            long kameletRoutes = fixture.app.context().getRoutes().stream().filter(Route::isCreatedByKamelet).count();
            assertThat(kameletRoutes).isEqualTo(kameletStepsInRoutes().size()).isGreaterThanOrEqualTo(9);
            // The path was evaluated for each recipient: every user's own installation was asked for.
            Set<String> installedAppsPaths = StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                    .filter(r -> "POST".equals(r.path("method").asText()))
                    .map(r -> r.get("path").asText())
                    .filter(p -> p.endsWith("/teamwork/installedApps"))
                    .collect(Collectors.toSet());
            assertThat(installedAppsPaths).hasSize(USERS)
                    .contains(String.format(Locale.ROOT, "/v1.0/users/00000000-0000-4000-8000-%012x/teamwork/installedApps", USERS));
        }
    }

    @Test
    void aFailedCallIsLoggedUnderTheRouteThatMadeItNotTheKamelets() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults());
                CapturedLogs logs = CapturedLogs.attach()) {
            // The tenant's policy blocks the app for Pat: the install (POST installedApps) answers 403.
            fixture.sendOk(Files.writeString(work.resolve("pat.csv"), "userPrincipalName,name\npat.policy@contoso.example,Pat\n",
                    StandardCharsets.UTF_8));

            assertThat(logs.text().lines().filter(l -> l.startsWith("Recipient failed:")).toList())
                    .singleElement().asString()
                    .contains("recipient=pat.policy@contoso.example")
                    .contains(" status=FAILED step=install-app method=POST httpStatus=403 ");
        }
    }

    @Test
    void noGraphOrBotConnectorCallIsWrittenOutInTheRoutes() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("routes"))) {
            files = list.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        List<String> httpSteps = new java.util.ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.contains("{{teams.graph-url}}?") || line.matches(".*to: \"\\{\\{teams\\.(graph-url|bot-service-url)\\}\\}.*")
                        || line.contains("toD:")) {
                    httpSteps.add(file.getFileName() + ": " + line.trim());
                }
            }
        }
        assertThat(httpSteps).isEmpty();
    }

    private static Set<String> routeIds(PipelineFixture fixture) {
        return fixture.app.context().getRoutes().stream().map(Route::getRouteId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> kameletStepsInRoutes() throws Exception {
        List<String> steps = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher m = KAMELET_STEP.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    steps.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        return steps;
    }

    /** The sandbox's computed users from..to by object id (no identity lookups). */
    private Path usersFile(String name, int from, int to) throws Exception {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = from; i <= to; i++) {
            csv.append(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x,User %d%n", i, i));
        }
        return Files.writeString(work.resolve(name), csv, StandardCharsets.UTF_8);
    }
}
