package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.campaigns.CampaignSchedules;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign of config/campaigns/ on a cron firing every two seconds, to the Engineering group (17 users once
 * its nested Operations group is expanded), read from Graph five users a page: every firing is a campaign of its
 * own that reaches each member once, a restart in between sends no firing twice, and a broken campaign file
 * beside it is reported and skipped.
 */
class ScheduledCampaignTest {
    static final String ENGINEERING_GROUP = "030eb94f-70e4-5632-925b-849673335bab";
    private static final int ENGINEERING_USERS = 17;

    @TempDir
    Path work;
    private PipelineFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void eachFiringReachesEveryMemberOnceAndARestartSendsNoFiringTwice() throws Exception {
        Path campaigns = Files.createDirectories(work.resolve("campaigns"));
        Files.writeString(campaigns.resolve("engineering.yaml"), """
                name: engineering-pulse
                cron: "0/2 * * * * ?"
                timeZone: Europe/Berlin
                audience:
                  group: %s
                """.formatted(ENGINEERING_GROUP), StandardCharsets.UTF_8);
        Files.writeString(campaigns.resolve("broken.yaml"), """
                name: broken
                cron: "every monday"
                audience:
                  group: %s
                """.formatted(ENGINEERING_GROUP), StandardCharsets.UTF_8);
        fixture = PipelineFixture.start(work, SandboxOptions.defaults(), """
                teams.schedules.enabled=true
                teams.campaigns.reload-ms=200
                teams.audience.page-size=5
                """);

        List<Path> beforeRestart = awaitFinishedFirings(2);
        assertThat(schedules().problems()).containsOnlyKeys("campaigns/broken.yaml");
        assertThat(schedules().problems().get("campaigns/broken.yaml"))
                .startsWith("campaigns/broken.yaml: line 2: not a Quartz cron expression");

        fixture.restartApp();
        awaitFinishedFirings(beforeRestart.size() + 1);

        // The files are followed while the service runs: the broken one, fixed, gets its schedule; a removed
        // one loses it (so no firing starts after this point).
        Files.writeString(campaigns.resolve("broken.yaml"), """
                name: broken
                cron: "0 0 9 ? * MON"
                audience:
                  group: %s
                """.formatted(ENGINEERING_GROUP), StandardCharsets.UTF_8);
        Files.delete(campaigns.resolve("engineering.yaml"));
        awaitRoutes("schedule-broken", true);
        awaitRoutes("schedule-engineering-pulse", false);
        assertThat(schedules().problems()).isEmpty();
        fixture.app.close();

        List<Path> firings = finishedFirings();
        for (Path firing : firings) {
            List<CSVRecord> rows = fixture.deliveriesCsv(firing.getFileName().toString());
            assertThat(rows).as(firing.getFileName().toString()).hasSize(ENGINEERING_USERS)
                    .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        }
        // Every member got exactly one message per firing: none was sent twice, before or after the restart.
        Map<String, Long> perUser = StreamSupport.stream(fixture.sandboxDeliveries().spliterator(), false)
                .collect(Collectors.groupingBy(d -> d.get("userId").asText(), Collectors.counting()));
        assertThat(perUser).hasSize(ENGINEERING_USERS);
        assertThat(perUser.values()).containsOnly((long) firings.size());
        // The group was read in pages of five: 17 users are four pages a firing, each after the first by its nextLink.
        long pages = StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                .filter(r -> r.get("path").asText().endsWith("/transitiveMembers/microsoft.graph.user")).count();
        long nextLinks = StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                .filter(r -> r.get("path").asText().endsWith("/transitiveMembers/microsoft.graph.user")
                        && r.get("query").asText().contains("skiptoken")).count();
        assertThat(pages).isEqualTo(4L * firings.size());
        assertThat(nextLinks).isEqualTo(3L * firings.size());
    }

    private CampaignSchedules schedules() {
        return fixture.app.context().getRegistry().lookupByNameAndType("schedules", CampaignSchedules.class);
    }

    private void awaitRoutes(String routeId, boolean present) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while ((fixture.app.context().getRoute(routeId) != null) != present) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("route " + routeId + (present ? " did not appear" : " did not go"));
            }
            Thread.sleep(50);
        }
    }

    private List<Path> awaitFinishedFirings(int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            List<Path> done = finishedFirings();
            if (done.size() >= atLeast) {
                return done;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " firings finished in time: " + finishedFirings());
    }

    /** reports/engineering-pulse-&lt;time&gt;/ of every firing whose summary says it finished. */
    private List<Path> finishedFirings() throws IOException {
        if (!Files.isDirectory(fixture.reports)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(fixture.reports)) {
            return folders.filter(f -> f.getFileName().toString().startsWith("engineering-pulse-"))
                    .filter(f -> Files.isRegularFile(f.resolve("summary.json"))).sorted().toList();
        }
    }
}
