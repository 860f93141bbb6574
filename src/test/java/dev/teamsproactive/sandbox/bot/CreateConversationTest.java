package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static dev.teamsproactive.sandbox.bot.SendActivityTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v3/conversations}: the 1:1 chat of a user who has the app, the same one Graph's chat lookup names. */
class CreateConversationTest {
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
    void aTeamsUserIdOfAnInstalledUserAnswersThePersonalChat() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);

        Answer answer = bot.createConversation(bot.conversationParameters("29:" + ada));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("id").asText()).isEqualTo(chat);
        assertThat(BotSwagger.problems(answer.json(), "ConversationResourceResponse")).isEmpty();
        assertThat(bot.send(answer.json().path("id").asText(), text("Hello")).status()).isEqualTo(201);
    }

    @Test
    void aPlainObjectIdOrAnAadObjectIdNamesTheSameUser() {
        String irene = bot.userId("irene@contoso.example");
        String chat = bot.chatOf(irene);
        ObjectNode byAadObjectId = bot.conversationParameters("29:opaque-teams-id");
        ((ObjectNode) byAadObjectId.path("members").get(0)).put("aadObjectId", irene);

        assertThat(bot.createConversation(bot.conversationParameters(irene)).json().path("id").asText()).isEqualTo(chat);
        assertThat(bot.createConversation(byAadObjectId).json().path("id").asText()).isEqualTo(chat);
    }

    @Test
    void aUserWithoutTheAppIsAForbiddenOperation() {
        String grace = bot.userId("grace@contoso.example");

        assertError(bot.createConversation(bot.conversationParameters("29:" + grace)), 403, "ForbiddenOperationException");
        assertError(bot.createConversation(bot.conversationParameters("29:0badc0de-0000-4000-8000-000000000000")), 403,
                "ForbiddenOperationException");
    }

    @Test
    void aUserWhoUninstalledIsAForbiddenOperationUntilReinstalled() {
        String uma = bot.userId("uma.uninstall@contoso.example");
        String chat = bot.install(uma);
        assertThat(bot.send(chat, text("First")).status()).isEqualTo(201);

        assertError(bot.createConversation(bot.conversationParameters("29:" + uma)), 403, "ForbiddenOperationException");

        bot.install(uma);
        assertThat(bot.createConversation(bot.conversationParameters("29:" + uma)).json().path("id").asText()).isEqualTo(chat);
    }

    @Test
    void aMalformedRequestIsABadArgument() {
        String ada = bot.userId("ada@contoso.example");
        bot.install(ada);
        ObjectNode twoMembers = bot.conversationParameters("29:" + ada);
        twoMembers.withArray("members").addObject().put("id", "29:" + bot.userId("grace@contoso.example"));
        ObjectNode group = bot.conversationParameters("29:" + ada).put("isGroup", true);
        ObjectNode noTenant = bot.conversationParameters("29:" + ada);
        noTenant.remove("channelData");
        ObjectNode otherBot = bot.conversationParameters("29:" + ada);
        otherBot.putObject("bot").put("id", "28:00000000-0000-0000-0000-000000000000");
        ObjectNode noMembers = bot.conversationParameters("29:" + ada);
        noMembers.remove("members");
        ObjectNode membersNotArray = bot.conversationParameters("29:" + ada);
        membersNotArray.putObject("members").put("id", "29:" + ada);

        for (String body : new String[] {"not json", "", twoMembers.toString(), group.toString(), noTenant.toString(),
            otherBot.toString(), noMembers.toString(), membersNotArray.toString()}) {
            Answer answer = bot.createConversation(body);
            assertThat(answer.status()).as("status for %s", body).isEqualTo(400);
            assertThat(answer.json().path("error").path("code").asText()).as("code for %s", body).isEqualTo("BadArgument");
        }
    }

    @Test
    void anotherTenantIsForbidden() {
        String ada = bot.userId("ada@contoso.example");
        bot.install(ada);
        ObjectNode otherTenant = bot.conversationParameters("29:" + ada);
        otherTenant.putObject("channelData").putObject("tenant").put("id", "11111111-2222-3333-4444-555555555555");

        assertError(bot.createConversation(otherTenant), 403, "ForbiddenOperationException");
    }

    @Test
    void aFirstMessageInTheRequestIsDelivered() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);
        ObjectNode parameters = bot.conversationParameters("29:" + ada);
        parameters.set("activity", text("Welcome aboard"));

        Answer answer = bot.createConversation(parameters);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("id").asText()).isEqualTo(chat);
        String activityId = answer.json().path("activityId").asText();
        assertThat(bot.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.path("activityId").asText()).isEqualTo(activityId);
            assertThat(d.path("text").asText()).isEqualTo("Welcome aboard");
            assertThat(d.path("userId").asText()).isEqualTo(ada);
        });
    }
}
