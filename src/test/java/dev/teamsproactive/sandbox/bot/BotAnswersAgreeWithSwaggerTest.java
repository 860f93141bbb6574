package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each Bot Connector answer of the sandbox has a status and a body the swagger allows for that operation. */
class BotAnswersAgreeWithSwaggerTest {
    private static final String CONVERSATIONS = BotConnectorApi.CONVERSATIONS;
    private static final String ACTIVITIES = BotConnectorApi.ACTIVITIES;
    private static final String ACTIVITY = BotConnectorApi.ACTIVITY;
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

    @Test
    void createSendUpdateAndDeleteAnswerAsTheSwaggerSays() {
        String ada = bot.userId("ada@contoso.example");
        bot.install(ada);

        Answer created = bot.createConversation(bot.conversationParameters("29:" + ada));
        assertThat(BotSwagger.statuses(CONVERSATIONS, "post")).contains(created.status());
        assertThat(BotSwagger.problems(created.json(), "ConversationResourceResponse")).isEmpty();
        String chat = created.json().path("id").asText();

        Answer sent = bot.send(chat, text("Hello"));
        assertThat(BotSwagger.statuses(ACTIVITIES, "post")).contains(sent.status());
        assertThat(BotSwagger.problems(sent.json(), "ResourceResponse")).isEmpty();
        String activityId = sent.json().path("id").asText();

        Answer updated = bot.update(chat, activityId, text("Hello again"));
        assertThat(BotSwagger.statuses(ACTIVITY, "put")).contains(updated.status());
        assertThat(BotSwagger.problems(updated.json(), "ResourceResponse")).isEmpty();

        Answer deleted = bot.delete(chat, activityId);
        assertThat(BotSwagger.statuses(ACTIVITY, "delete")).contains(deleted.status());
        assertThat(deleted.body()).as("the swagger's delete answers carry no body").isEmpty();
    }

    @Test
    void errorsUseTheSwaggersErrorResponse() {
        Answer refused = bot.send(bot.chatOf(bot.userId("grace@contoso.example")), text("Hello"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("code").isTextual()).isTrue();
        assertThat(BotSwagger.problems(refused.json(), "ErrorResponse")).isEmpty();
    }

    @Test
    void theSwaggerCheckItselfSpotsAStrayMember() {
        // Guards the guard: a body the swagger does not allow must be reported.
        assertThat(BotSwagger.problems(BotCalls.object().put("id", "1").put("extra", true), "ResourceResponse"))
                .containsExactly("ResourceResponse.extra is not a property of ResourceResponse");
        assertThat(BotSwagger.problems(BotCalls.object().put("id", 1), "ResourceResponse")).hasSize(1);
    }
}
