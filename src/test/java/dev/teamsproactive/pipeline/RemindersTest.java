package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.campaigns.CampaignSchedules;
import dev.teamsproactive.campaigns.Reminders;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders on the real routes (routes/7-follow-ups.camel.yaml, route reminder, then the campaign stages), with the
 * sandbox playing Teams: a reminder reaches exactly the SENT recipients who did not answer, once.
 */
class RemindersTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    private void start(int users, String settings) throws Exception {
        fixture = PipelineFixture.withBotEndpoint(work, SandboxOptions.defaults().withUsers(users), settings);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void act(int user, String body) {
        SandboxTestClient.Answer a = fixture.client.post("/_sandbox/users/" + PipelineFixture.userId(user) + "/act", null, body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("status").asInt()).as(a.body()).isEqualTo(200);
    }

    /** How many activities the sandbox's Bot Connector accepted, per user. */
    private Map<String, Integer> messagesPerUser() {
        Map<String, Integer> perUser = new TreeMap<>();
        for (JsonNode d : fixture.sandboxDeliveries()) {
            perUser.merge(d.get("userId").asText(), 1, Integer::sum);
        }
        return perUser;
    }

    /** As {@code remind CAMPAIGN_ID --file FILE} does. */
    private Exchange remind(String campaignId, Path file) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Props.CAMPAIGN_ID, campaignId);
        properties.put(Props.TEMPLATE, "");
        if (file != null) {
            properties.put(Reminders.GIVEN_FILE, file.toString());
        }
        return fixture.app.producer().send("direct:reminder", ex -> ex.getProperties().putAll(properties));
    }

    @Test
    void aReminderMessagesExactlyThoseWhoDidNotAnswerAndOnlyOnce() throws Exception {
        start(200, "");
        Exchange unknown = remind("no-such-campaign-000000000000", null);
        assertThat(unknown.getException()).isInstanceOf(dev.teamsproactive.input.RejectedInputException.class)
                .hasMessageContaining("no-such-campaign-000000000000").hasMessageContaining("no such campaign");
        StringBuilder csv = new StringBuilder("upn,name\n");
        for (int i = 1; i <= 200; i++) {
            csv.append("user").append(i).append("@contoso.example,User ").append(i).append('\n');
        }
        Path file = Files.writeString(work.resolve("policy.csv"), csv.toString(), StandardCharsets.UTF_8);
        JsonNode sent = SandboxTestClient.JSON.readTree(fixture.send(file, "acknowledge").getMessage().getBody(String.class));
        assertThat(sent.get("sent").asInt()).isEqualTo(200);
        String campaignId = sent.get("campaignId").asText();
        // 120 acknowledge; every tenth presses twice, every fifteenth's press is delivered twice (a retry).
        for (int u = 1; u <= 120; u++) {
            act(u, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"activityId\":\"ack-" + u + "\"}");
            if (u % 10 == 0) {
                act(u, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");
            }
            if (u % 15 == 0) {
                act(u, "{\"replayOf\":\"ack-" + u + "\"}");
            }
        }
        assertThat(messagesPerUser()).hasSize(200).allSatisfy((u, n) -> assertThat(n).isEqualTo(1));

        Exchange first = remind(campaignId, file);

        assertThat(first.getException()).isNull();
        JsonNode summary = SandboxTestClient.JSON.readTree(first.getMessage().getBody(String.class));
        String reminderId = Reminders.idOf(campaignId, 1);
        assertThat(summary.get("campaignId").asText()).isEqualTo(reminderId);
        assertThat(summary.get("sent").asInt()).isEqualTo(80);
        assertThat(summary.get("total").asInt()).isEqualTo(80);
        Map<String, Integer> afterReminder = messagesPerUser();
        for (int u = 1; u <= 200; u++) {
            assertThat(afterReminder.get(PipelineFixture.userId(u))).as("messages to user %d", u).isEqualTo(u <= 120 ? 1 : 2);
        }
        assertThat(fixture.deliveriesCsv(reminderId)).hasSize(80)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        // The reminder is the campaign's card again, with each recipient's own columns.
        JsonNode lastToUser200 = null;
        for (JsonNode d : fixture.sandboxDeliveries()) {
            if (d.get("userId").asText().equals(PipelineFixture.userId(200))) {
                lastToUser200 = d;
            }
        }
        assertThat(lastToUser200.toString()).contains("Please read and acknowledge, User 200");

        // An answer to the reminder's card counts for the campaign it reminds of.
        act(200, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");
        fixture.app.producer().sendBody("direct:answers-report", null);
        assertThat(fixture.summaryJson(campaignId).get("responded").asInt()).isEqualTo(121);

        Exchange second = remind(campaignId, file);

        assertThat(second.getException()).isNull();
        assertThat(messagesPerUser()).as("the same reminder again messages nobody").isEqualTo(afterReminder);
    }

    @Test
    void aCampaignFilesReminderFollowsEachFiringOnceAfterItsDelayAndARestartRepeatsNothing() throws Exception {
        Path campaigns = Files.createDirectories(work.resolve("campaigns"));
        start(5, "teams.schedules.enabled=true\nteams.campaigns.reload-ms=200");
        // One firing, a few seconds from now (a cron with its year); the service reads the file as it comes.
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Files.writeString(campaigns.resolve("ack.yaml"), """
                name: ack-pulse
                cron: "%d %d %d %d %d ? %d"
                template: acknowledge
                audience:
                  users: [user1@contoso.example, user2@contoso.example, user3@contoso.example]
                variables:
                  name: colleague
                reminder:
                  after: PT8S
                """.formatted(at.getSecond(), at.getMinute(), at.getHour(), at.getDayOfMonth(), at.getMonthValue(),
                at.getYear()), StandardCharsets.UTF_8);
        Files.writeString(campaigns.resolve("bad.yaml"), """
                name: bad
                cron: "0 0 9 ? * MON"
                audience:
                  users: [user1@contoso.example]
                variables:
                  name: colleague
                reminder:
                  after: P2D
                  template: acknowlegde
                """, StandardCharsets.UTF_8);
        String firingId = "ack-pulse-" + DateTimeFormatter.ofPattern("uuuuMMdd't'HHmmss'z'").format(at);
        String reminderId = Reminders.idOf(firingId, 1);

        awaitSummary(firingId);
        act(1, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");
        assertThat(fixture.reports.resolve(reminderId)).as("not before its time").doesNotExist();
        JsonNode reminder = awaitSummary(reminderId);

        assertThat(reminder.get("sent").asInt()).isEqualTo(2);
        assertThat(messagesPerUser()).containsExactlyInAnyOrderEntriesOf(Map.of(PipelineFixture.userId(1), 1, PipelineFixture.userId(2), 2, PipelineFixture.userId(3), 2));
        CampaignSchedules schedules = fixture.app.context().getRegistry().lookupByNameAndType("schedules",
                CampaignSchedules.class);
        assertThat(schedules.problems()).containsOnlyKeys("campaigns/bad.yaml");
        assertThat(schedules.problems().get("campaigns/bad.yaml")).startsWith("campaigns/bad.yaml: line 7: ")
                .contains("reminder's template acknowlegde").contains("no message template named 'acknowlegde'");

        // The ledger says the reminder ran: after a restart, nobody gets it again.
        fixture.restartApp();
        Thread.sleep(2_000);
        assertThat(messagesPerUser()).containsExactlyInAnyOrderEntriesOf(Map.of(PipelineFixture.userId(1), 1, PipelineFixture.userId(2), 2, PipelineFixture.userId(3), 2));
    }

    private JsonNode awaitSummary(String campaignId) throws Exception {
        Path summary = fixture.reports.resolve(campaignId).resolve("summary.json");
        Instant deadline = Instant.now().plusSeconds(40);
        while (!Files.exists(summary)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no report of " + campaignId + " in time");
            }
            Thread.sleep(100);
        }
        return fixture.summaryJson(campaignId);
    }
}
