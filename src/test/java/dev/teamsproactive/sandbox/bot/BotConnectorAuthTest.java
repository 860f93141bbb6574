package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static dev.teamsproactive.sandbox.bot.SendActivityTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bot Connector takes only Bot Connector tokens: 401 for none and for a Graph token. */
class BotConnectorAuthTest {
    private static Sandbox sandbox;
    private static BotCalls bot;
    private static String chat;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        bot = new BotCalls(sandbox);
        chat = bot.install(bot.userId("ada@contoso.example"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aGraphTokenIsRefused() {
        String graphToken = bot.client.token(SandboxTestClient.GRAPH_SCOPE);

        assertError(bot.client.post("/v3/conversations/" + chat + "/activities", graphToken, text("Hi").toString()), 401,
                "BotNotRegistered");
        assertError(bot.client.post("/v3/conversations", graphToken, bot.conversationParameters(chat).toString()), 401,
                "BotNotRegistered");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void noTokenOrAForgedOneIsRefused() {
        assertError(bot.client.post("/v3/conversations/" + chat + "/activities", null, text("Hi").toString()), 401,
                "BotNotRegistered");
        assertError(bot.client.delete("/v3/conversations/" + chat + "/activities/1:x", "not.a.token"), 401,
                "BotNotRegistered");
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void aBotTokenFromTheBotFrameworkTenantIsAccepted() {
        String multiTenantBotToken = bot.client.token("botframework.com", sandbox.tenant().app().clientId(),
                sandbox.tenant().app().clientSecret(), SandboxTestClient.BOT_SCOPE);

        assertThat(bot.client.post("/v3/conversations/" + chat + "/activities", multiTenantBotToken, text("Hi").toString())
                .status()).isEqualTo(201);
    }
}
