package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.card;
import static dev.teamsproactive.sandbox.bot.BotCalls.cardMessage;
import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v3/conversations/{id}/activities}: who can be reached, and how the Bot Connector says no. */
class SendActivityTest {
    private static final String GENERAL_CHANNEL = "19:3f2a1b0c9d8e4f7a6b5c4d3e2f1a0b9c@thread.tacv2";
    private static final String ENGINEERING_TEAM = "fd6c8c9b-d517-5aa4-977f-4eed16061849";
    private static Sandbox sandbox;
    private static BotCalls bot;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        bot = new BotCalls(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.tenant().reset();
    }

    @Test
    void aMessageToAnInstalledUserIsAcceptedAndDelivered() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);
        ObjectNode card = card("Quarterly all-hands", "Thursday 10:00 in the main hall.");
        ObjectNode message = cardMessage("All-hands on Thursday", card).put("text", "Hello Ada");

        Answer answer = bot.send(chat, message);

        assertThat(answer.status()).isEqualTo(201);
        String activityId = answer.json().path("id").asText();
        assertThat(activityId).isNotBlank();
        JsonNode deliveries = bot.deliveries();
        assertThat(deliveries).hasSize(1);
        JsonNode d = deliveries.get(0);
        List<String> fields = new ArrayList<>();
        d.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("conversationId", "userId", "activityId", "text", "summary",
                "attachments", "at");
        assertThat(d.path("conversationId").asText()).isEqualTo(chat);
        assertThat(d.path("userId").asText()).isEqualTo(ada);
        assertThat(d.path("activityId").asText()).isEqualTo(activityId);
        assertThat(d.path("text").asText()).isEqualTo("Hello Ada");
        assertThat(d.path("summary").asText()).isEqualTo("All-hands on Thursday");
        assertThat(d.path("attachments").get(0).path("contentType").asText()).isEqualTo(BotCalls.ADAPTIVE_CARD);
        assertThat(d.path("attachments").get(0).path("content")).isEqualTo(card);
        assertThat(d.path("at").asText()).isNotBlank();
    }

    @Test
    void aUserWithoutTheAppIsNotInTheRoster() {
        String grace = bot.userId("grace@contoso.example");

        Answer answer = bot.send(bot.chatOf(grace), text("Hello"));

        assertError(answer, 403, "BotNotInConversationRoster");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void aUserWhoBlockedTheBotRefusesIt() {
        String chat = bot.install(bot.userId("bob.blocker@contoso.example"));

        Answer answer = bot.send(chat, text("Hello Bob"));

        assertError(answer, 403, "ConversationBlockedByUser");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void anUnknownConversationIsNotFound() {
        String unknownUserChat = bot.chatOf("0badc0de-0000-4000-8000-000000000000");
        assertError(bot.send(unknownUserChat, text("Hello")), 404, "ConversationNotFound");
        assertError(bot.send("19:00000000000000000000000000000000@thread.tacv2", text("Hello")), 404, "ConversationNotFound");
        assertError(bot.send("a:1nonsense", text("Hello")), 404, "ConversationNotFound");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void anActivityOver100KilobytesAsUtf16IsTooBig() {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        // 75,000 chars: 150 KB counted as UTF-16, though only about 75 KB as UTF-8.
        ObjectNode big = text("x".repeat(75_000));

        Answer answer = bot.send(chat, big);

        assertError(answer, 413, "MessageSizeTooBig");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void aMessageJustUnderTheCeilingIsAccepted() {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        // 45,000 chars: 90 KB as UTF-16, under the 100 KB ceiling.
        assertThat(bot.send(chat, text("y".repeat(45_000))).status()).isEqualTo(201);
    }

    @Test
    void invalidActivitiesAreBadArguments() {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        String adaptive = BotCalls.ADAPTIVE_CARD;
        String[] invalid = {
            "not json",
            "",
            "[]",
            "{\"text\":\"no type\"}",
            "{\"type\":42,\"text\":\"type is no string\"}",
            "{\"type\":\"typing\"}",
            "{\"type\":\"message\",\"text\":42}",
            "{\"type\":\"message\",\"text\":\"hi\",\"summary\":[\"no\"]}",
            "{\"type\":\"message\"}",
            "{\"type\":\"message\",\"attachments\":{\"contentType\":\"" + adaptive + "\"}}",
            "{\"type\":\"message\",\"attachments\":[{\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.5\"}}]}",
            "{\"type\":\"message\",\"attachments\":[{\"contentType\":7,\"content\":{}}]}",
            "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"" + adaptive + "\",\"content\":\"{\\\"type\\\":\\\"AdaptiveCard\\\"}\"}]}",
            "{\"type\":\"message\",\"text\":\"hi\",\"channelData\":\"notification\"}",
            "{\"type\":\"message\",\"text\":\"hi\",\"timestamp\":\"yesterday\"}",
            "{\"type\":\"message\",\"text\":\"hi\",\"from\":{\"id\":28}}",
        };
        for (String body : invalid) {
            // Each refused send still counts against the chat's 7 per second: start every one with full buckets.
            sandbox.tenant().limits().clear();
            Answer answer = bot.send(chat, body);
            assertThat(answer.status()).as("status for %s", body).isEqualTo(400);
            assertThat(answer.json().path("error").path("code").asText()).as("code for %s", body).isEqualTo("BadArgument");
            assertThat(answer.json().path("error").path("message").asText()).as("message for %s", body).isNotBlank();
        }
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void propertiesTheServiceDoesNotCheckAreAccepted() {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        ObjectNode message = text("Hello").put("textFormat", "markdown").put("importance", "high");
        message.putObject("channelData").putObject("notification").put("alert", true);
        message.put("somethingNew", "ignored as the service ignores unknown members");
        message.putNull("speak");

        assertThat(bot.send(chat, message).status()).isEqualTo(201);
    }

    @Test
    void aPercentEncodedConversationIdNamesTheSameChat() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);

        Answer answer = bot.send(SandboxTestClient.enc(chat), text("Encoded"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(bot.deliveries().get(0).path("conversationId").asText()).isEqualTo(chat);
        assertThat(bot.deliveries().get(0).path("userId").asText()).isEqualTo(ada);
    }

    @Test
    void aUserWhoUninstallsAfterTheFirstMessageIsOutOfTheRosterUntilReinstalled() {
        String uma = bot.userId("uma.uninstall@contoso.example");
        String chat = bot.install(uma);

        assertThat(bot.send(chat, text("First")).status()).isEqualTo(201);
        assertError(bot.send(chat, text("Second")), 403, "BotNotInConversationRoster");
        assertThat(sandbox.tenant().installations().forUser(uma)).isEmpty();

        assertThat(bot.install(uma)).as("the chat id survives a reinstall").isEqualTo(chat);
        assertThat(bot.send(chat, text("Third")).status()).isEqualTo(201);
        assertThat(bot.send(chat, text("Fourth")).status()).as("only the first delivery uninstalls").isEqualTo(201);
        assertThat(bot.deliveries()).extracting(d -> d.path("text").asText()).containsExactly("First", "Third", "Fourth");
    }

    @Test
    void aChannelPostNeedsTheAppInstalledInTheTeam() {
        assertError(bot.send(GENERAL_CHANNEL, text("Before")), 403, "BotNotInConversationRoster");

        sandbox.tenant().installations().installForTeam(ENGINEERING_TEAM);
        Answer answer = bot.send(GENERAL_CHANNEL, cardMessage("Release 2.1", card("Release 2.1 is out", "See the notes.")));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode d = bot.deliveries().get(0);
        assertThat(d.path("conversationId").asText()).isEqualTo(GENERAL_CHANNEL);
        assertThat(d.path("userId").isNull()).as("a channel post belongs to no user").isTrue();
        assertThat(d.path("summary").asText()).isEqualTo("Release 2.1");
    }

    @Test
    void aReplyInAChannelThreadGoesToTheChannelsTeam() {
        sandbox.tenant().installations().installForTeam(ENGINEERING_TEAM);
        String thread = GENERAL_CHANNEL + ";messageid=1700000000000";

        assertThat(bot.send(thread, text("In the thread")).status()).isEqualTo(201);
    }

    @Test
    void aReplyToAnActivityGoesToTheSameConversation() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);
        String first = bot.send(chat, text("Question?")).json().path("id").asText();

        Answer reply = bot.client.post("/v3/conversations/" + chat + "/activities/" + first, bot.token(),
                text("Follow-up").put("replyToId", first).toString());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(bot.deliveries()).extracting(d -> d.path("text").asText()).containsExactly("Question?", "Follow-up");
        assertThat(bot.deliveries().get(1).path("userId").asText()).isEqualTo(ada);
    }

    @Test
    void sendsAreCountedByPathTemplateAndStatusInTheStats() {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        bot.send(chat, text("One"));
        bot.send(bot.chatOf(bot.userId("grace@contoso.example")), text("Two"));

        // The sandbox counts a request once its answer is written: poll until the second one is in.
        String template = "POST /v3/conversations/{conversationId}/activities";
        JsonNode stats = bot.client.get("/_sandbox/stats", null).json();
        for (long end = System.currentTimeMillis() + 5_000; stats.path("requests").path(template).path("403").asInt() == 0
                && System.currentTimeMillis() < end;) {
            stats = bot.client.get("/_sandbox/stats", null).json();
        }

        JsonNode sends = stats.path("requests").path(template);
        assertThat(sends.path("201").asInt()).isEqualTo(1);
        assertThat(sends.path("403").asInt()).isEqualTo(1);
        assertThat(stats.path("deliveries").asInt()).isEqualTo(1);
    }

    static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.json().path("error").path("code").asText()).as("code of %s", answer.body()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(BotSwagger.problems(answer.json(), "ErrorResponse")).isEmpty();
    }
}
