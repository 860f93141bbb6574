package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.card;
import static dev.teamsproactive.sandbox.bot.BotCalls.cardMessage;
import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static dev.teamsproactive.sandbox.bot.SendActivityTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT} (update) and {@code DELETE} (recall) of a message the bot sent. */
class UpdateAndDeleteActivityTest {
    private static Sandbox sandbox;
    private static BotCalls bot;
    private String chat;
    private String activityId;

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
    void sendOne() {
        sandbox.tenant().reset();
        chat = bot.install(bot.userId("ada@contoso.example"));
        Answer sent = bot.send(chat, text("Original"));
        assertThat(sent.status()).isEqualTo(201);
        activityId = sent.json().path("id").asText();
    }

    @Test
    void anUpdateReplacesTextSummaryAndAttachments() {
        ObjectNode card = card("Corrected", "The all-hands moved to Friday.");
        ObjectNode update = cardMessage("Moved to Friday", card).put("text", "Updated").put("id", activityId);

        Answer answer = bot.update(chat, activityId, update);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("id").asText()).isEqualTo(activityId);
        assertThat(BotSwagger.problems(answer.json(), "ResourceResponse")).isEmpty();
        JsonNode d = bot.deliveries().get(0);
        assertThat(bot.deliveries()).hasSize(1);
        assertThat(d.path("activityId").asText()).isEqualTo(activityId);
        assertThat(d.path("text").asText()).isEqualTo("Updated");
        assertThat(d.path("summary").asText()).isEqualTo("Moved to Friday");
        assertThat(d.path("attachments").get(0).path("content")).isEqualTo(card);
    }

    @Test
    void anUpdateIsValidatedAsASend() {
        Answer answer = bot.update(chat, activityId, BotCalls.object().put("type", "message").put("text", 5));

        assertError(answer, 400, "BadArgument");
        assertThat(bot.deliveries().get(0).path("text").asText()).isEqualTo("Original");
    }

    @Test
    void aDeleteRecallsTheMessage() {
        Answer answer = bot.delete(chat, activityId);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void anEncodedActivityIdNamesTheSameMessage() {
        assertThat(bot.delete(SandboxTestClient.enc(chat), SandboxTestClient.enc(activityId)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownActivityIsNotFound() {
        assertError(bot.update(chat, "1:unknown", text("x")), 404, "ActivityNotFoundInConversation");
        assertError(bot.delete(chat, "1:unknown"), 404, "ActivityNotFoundInConversation");
        assertThat(bot.delete(chat, activityId).status()).isEqualTo(200);
        assertError(bot.delete(chat, activityId), 404, "ActivityNotFoundInConversation");
    }

    @Test
    void anUnknownConversationIsNotFound() {
        String stranger = bot.chatOf("0badc0de-0000-4000-8000-000000000000");
        assertError(bot.update(stranger, activityId, text("x")), 404, "ConversationNotFound");
        assertError(bot.delete(stranger, activityId), 404, "ConversationNotFound");
        assertThat(bot.deliveries()).hasSize(1);
    }
}
