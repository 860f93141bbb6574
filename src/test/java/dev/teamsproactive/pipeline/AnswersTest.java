package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's messaging endpoint on the real routes (routes/8-answers.camel.yaml), with the sandbox playing Teams:
 * every request's Bot Framework token is checked, and only what passes is recorded.
 */
class AnswersTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        endpoint = "http://127.0.0.1:" + port + "/api/messages";
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(210),
                Map.of("teams.bot-endpoint.enabled", "true", "teams.bot-endpoint.port", Integer.toString(port)));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String user(int n) {
        return String.format("00000000-0000-4000-8000-%012x", n);
    }

    private JsonNode act(int user, String body) {
        SandboxTestClient.Answer a = fixture.client.post("/_sandbox/users/" + user(user) + "/act", null, body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private String campaign(int users) throws IOException {
        return campaign(users, "acknowledge");
    }

    private String campaign(int users, String template) throws IOException {
        StringBuilder csv = new StringBuilder("upn,name\n");
        for (int i = 1; i <= users; i++) {
            csv.append("user").append(i).append("@contoso.example,User ").append(i).append('\n');
        }
        Path file = Files.writeString(work.resolve(template + ".csv"), csv.toString(), StandardCharsets.UTF_8);
        var result = fixture.send(file, template);
        assertThat(result.getException()).isNull();
        JsonNode summary = SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
        assertThat(summary.get("sent").asInt()).isEqualTo(users);
        return summary.get("campaignId").asText();
    }

    private long responseRows() throws Exception {
        try (var c = fixture.app.ledger().dataSource().getConnection();
                var count = c.prepareStatement("SELECT COUNT(*) FROM responses").executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void theServiceRegistersItsEndpointWithTheSandbox() {
        assertThat(fixture.sandbox.teams().botEndpoint()).contains(endpoint);
    }

    @Test
    void anAcknowledgementIsRecordedOnceAndAnsweredWithTheRefreshedCard() throws Exception {
        String campaignId = campaign(3);

        JsonNode first = act(1, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"activityId\":\"press-1\"}");
        JsonNode retry = act(1, "{\"replayOf\":\"press-1\"}");
        JsonNode again = act(1, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");

        for (JsonNode answer : List.of(first, retry, again)) {
            assertThat(answer.get("status").asInt()).isEqualTo(200);
            assertThat(answer.at("/body/type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(answer.at("/body/value/body/0/text").asText()).startsWith("Acknowledged by you on ");
        }
        assertThat(again.at("/body/value/body/0/text").asText()).as("first-wins: the first press's time")
                .isEqualTo(first.at("/body/value/body/0/text").asText());
        assertThat(responseRows()).isEqualTo(1);
        try (var c = fixture.app.ledger().dataSource().getConnection();
                var row = c.prepareStatement("SELECT campaign_id, user_id, action, standing FROM responses").executeQuery()) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(campaignId);
            assertThat(row.getString(2)).isEqualTo(user(1));
            assertThat(row.getString(3)).isEqualTo("acknowledge");
            assertThat(row.getString(4)).isEqualTo("RECIPIENT");
        }
    }

    @Test
    void theReportListsEachRespondentOnceAndCountsThem() throws Exception {
        String campaignId = campaign(200);
        assertThat(fixture.summaryJson(campaignId).get("responded").asInt()).isZero();

        // 120 of the 200 acknowledge; every tenth presses twice; every fifteenth's press is delivered twice (a retry).
        for (int u = 1; u <= 120; u++) {
            JsonNode answer = act(u, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"activityId\":\"ack-" + u + "\"}");
            assertThat(answer.at("/body/value/body/0/text").asText()).startsWith("Acknowledged by you on ");
            if (u % 10 == 0) {
                act(u, "{\"kind\":\"execute\",\"verb\":\"acknowledge\"}");
            }
            if (u % 15 == 0) {
                assertThat(act(u, "{\"replayOf\":\"ack-" + u + "\"}").at("/body/value/body/0/text").asText())
                        .isEqualTo(answer.at("/body/value/body/0/text").asText());
            }
        }
        // Someone the campaign never reached: recorded, listed as such, not counted.
        act(205, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"data\":{\"campaignId\":\"" + campaignId + "\"}}");
        fixture.app.producer().sendBody("direct:answers-report", null);

        List<org.apache.commons.csv.CSVRecord> rows;
        try (var in = Files.newBufferedReader(fixture.reports.resolve(campaignId).resolve("responses.csv"))) {
            rows = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
        }
        assertThat(rows).hasSize(121);
        List<String> expected = new java.util.ArrayList<>();
        for (int u = 1; u <= 120; u++) {
            expected.add("user" + u + "@contoso.example");
        }
        assertThat(rows.stream().filter(r -> r.get("standing").equals("RECIPIENT")).map(r -> r.get("recipient")))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("action")).isEqualTo("acknowledge");
            assertThat(r.get("values")).isEqualTo("{}");
            assertThat(java.time.Instant.parse(r.get("respondedAt"))).isBefore(java.time.Instant.now());
        });
        assertThat(rows.stream().filter(r -> r.get("standing").equals("NOT_RECIPIENT")).map(r -> r.get("userId")))
                .containsExactly(user(205));
        assertThat(fixture.summaryJson(campaignId).get("responded").asInt()).isEqualTo(120);
        assertThat(fixture.summaryJson(campaignId).get("sent").asInt()).as("the rest of the summary is kept").isEqualTo(200);
    }

    @Test
    void aPollAndASurveyRecordTheirInputs() throws Exception {
        String poll = campaign(2, "poll");
        String survey = campaign(2, "survey");

        // The latest message each user got is the survey; the poll's vote names its campaign in the action's data.
        JsonNode vote = act(1, "{\"kind\":\"execute\",\"verb\":\"vote\",\"data\":{\"campaignId\":\"" + poll
                + "\",\"choice\":\"wednesday\"}}");
        act(1, "{\"kind\":\"submit\",\"data\":{\"rating\":\"4\",\"comment\":\"More Q&A, please\"}}");
        fixture.app.producer().sendBody("direct:answers-report", null);

        assertThat(vote.at("/body/value/body/0/text").asText()).startsWith("Your answer was recorded on ");
        List<String> pollRows = Files.readAllLines(fixture.reports.resolve(poll).resolve("responses.csv"));
        assertThat(pollRows).hasSize(2);
        assertThat(pollRows.get(1)).startsWith("user1@contoso.example," + user(1) + ",vote,\"{\"\"choice\"\":\"\"wednesday\"\"}\",");
        List<String> surveyRows = Files.readAllLines(fixture.reports.resolve(survey).resolve("responses.csv"));
        assertThat(surveyRows).hasSize(2);
        assertThat(surveyRows.get(1)).startsWith("user1@contoso.example," + user(1)
                + ",submit,\"{\"\"rating\"\":\"\"4\"\",\"\"comment\"\":\"\"More Q&A, please\"\"}\",");
        assertThat(fixture.summaryJson(poll).get("responded").asInt()).isEqualTo(1);
        assertThat(fixture.summaryJson(survey).get("responded").asInt()).isEqualTo(1);
    }

    @Test
    void anUninstallForgetsTheChatSoTheNextCampaignInstallsAgainWithoutAFailedSend() throws Exception {
        campaign(1);
        assertThat(fixture.app.ledger().findConversation(fixture.sandbox.tenant().tenantId(), user(1))).isPresent();

        JsonNode uninstall = act(1, "{\"kind\":\"uninstall\"}");

        assertThat(uninstall.get("status").asInt()).isEqualTo(200);
        assertThat(fixture.app.ledger().findConversation(fixture.sandbox.tenant().tenantId(), user(1))).isEmpty();
        Files.writeString(work.resolve("again.csv"), "upn,name\nuser1@contoso.example,User 1\n");
        JsonNode again = SandboxTestClient.JSON.readTree(fixture.send(work.resolve("again.csv"), "default")
                .getMessage().getBody(String.class));
        assertThat(again.get("sent").asInt()).isEqualTo(1);
        long refusedSends = 0;
        for (JsonNode r : fixture.sandboxRequests()) {
            if (r.get("method").asText().equals("POST") && r.get("path").asText().startsWith("/v3/conversations/")
                    && r.get("status").asInt() >= 400) {
                refusedSends++;
            }
        }
        assertThat(refusedSends).as("no send to the chat the app had left").isZero();
    }

    @Test
    void badTokensAreRefusedWith401AndNothingIsRecorded() throws Exception {
        campaign(1);
        for (String token : List.of("forged", "expired", "wrong-audience", "other-channel", "none")) {
            JsonNode answer = act(1, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"token\":\"" + token + "\"}");
            assertThat(answer.get("status").asInt()).as(token).isEqualTo(401);
        }
        JsonNode submit = act(1, "{\"kind\":\"submit\",\"data\":{\"choice\":\"A\"},\"token\":\"forged\"}");
        assertThat(submit.get("status").asInt()).isEqualTo(401);
        assertThat(responseRows()).isZero();
    }

    @Test
    void aTokenForAnotherServiceUrlIsRefused() throws Exception {
        String forOtherService = fixture.sandbox.teams().tokens().token(
                dev.teamsproactive.sandbox.teams.ChannelTokens.Kind.VALID, "https://smba.example/elsewhere");
        var http = java.net.http.HttpClient.newHttpClient();
        ch.qos.logback.classic.Logger answersLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.teamsproactive.answers");
        answersLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
        CapturedLogs logs = CapturedLogs.attach();
        String activity = "{\"type\":\"message\",\"text\":\"hi\",\"id\":\"m1\",\"serviceUrl\":\"" + fixture.sandbox.url()
                + "\",\"channelId\":\"msteams\",\"from\":{\"id\":\"29:x\",\"aadObjectId\":\"" + user(2) + "\"}}";
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint))
                .header("Authorization", "Bearer " + forOtherService).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(activity)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        logs.close();
        answersLog.setLevel(null);

        assertThat(logs.text()).contains("serviceurl").doesNotContain(forOtherService)
                .doesNotContain(forOtherService.substring(forOtherService.lastIndexOf('.') + 1));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEmpty();
        assertThat(responseRows()).isZero();
    }

    @Test
    void submitsRepliesAndStrangersAreRecordedAsSuch() throws Exception {
        String campaignId = campaign(2);

        assertThat(act(2, "{\"kind\":\"submit\",\"data\":{\"choice\":\"B\"}}").get("status").asInt()).isEqualTo(200);
        assertThat(act(2, "{\"kind\":\"reply\",\"text\":\"thanks!\"}").get("status").asInt()).isEqualTo(200);
        // User 7 got nothing from this campaign; "nope" is no campaign at all.
        act(7, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"data\":{\"campaignId\":\"" + campaignId + "\"}}");
        act(8, "{\"kind\":\"execute\",\"verb\":\"acknowledge\",\"data\":{\"campaignId\":\"nope\"}}");

        try (var c = fixture.app.ledger().dataSource().getConnection();
                var rows = c.prepareStatement("SELECT user_id, action, answer_values, standing, campaign_id FROM responses"
                        + " ORDER BY user_id, action").executeQuery()) {
            rows.next();
            assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(4), rows.getString(5)))
                    .containsExactly(user(2), "reply", "UNKNOWN_CAMPAIGN", "");
            assertThat(rows.getString(3)).isEqualTo("{\"text\":\"thanks!\"}");
            rows.next();
            assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(4), rows.getString(5)))
                    .containsExactly(user(2), "submit", "RECIPIENT", campaignId);
            assertThat(rows.getString(3)).isEqualTo("{\"choice\":\"B\"}");
            rows.next();
            assertThat(List.of(rows.getString(1), rows.getString(4))).containsExactly(user(7), "NOT_RECIPIENT");
            rows.next();
            assertThat(List.of(rows.getString(1), rows.getString(4))).containsExactly(user(8), "UNKNOWN_CAMPAIGN");
            assertThat(rows.next()).isFalse();
        }
    }
}
