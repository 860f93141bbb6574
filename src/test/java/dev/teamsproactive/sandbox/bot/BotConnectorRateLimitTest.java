package dev.teamsproactive.sandbox.bot;

import static dev.teamsproactive.sandbox.bot.BotCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.tenant.SyntheticUsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bot Connector's documented limits: 7 sends per second in one conversation, 50 requests per second per app
 * in the tenant. A 429 says how long to wait, and waiting that long is enough.
 */
class BotConnectorRateLimitTest {
    /** Enough users that a burst to all of them beats the 50 per second bucket by far, however slow the machine. */
    private static final int USERS = 100;
    private static final int THREADS = 25;
    private static Sandbox sandbox;
    private static BotCalls bot;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withUsers(USERS));
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
    void theEighthSendToOneChatWithinASecondIsThrottledAndARetryAfterTheWaitPasses() throws InterruptedException {
        String chat = bot.install(bot.userId("ada@contoso.example"));
        warmUp(1);

        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            answers.add(bot.send(chat, text("Message " + i)));
        }

        assertThat(answers.subList(0, 7)).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        Answer throttled = answers.get(7);
        assertThrottled(throttled);
        Thread.sleep(retryAfterMillis(throttled));
        assertThat(bot.send(chat, text("Message 8, again")).status()).isEqualTo(201);
        assertThat(bot.deliveries()).hasSize(8);
    }

    @Test
    void creatingTheConversationCountsAgainstTheSameChat() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);
        warmUp(1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(bot.createConversation(bot.conversationParameters("29:" + ada)).status());
            statuses.add(bot.send(chat, text("Message " + i)).status());
        }

        assertThat(statuses.subList(0, 7)).containsOnly(201);
        assertThat(statuses.get(7)).isEqualTo(429);
    }

    @Test
    void aBurstToManyUsersMeetsTheFiftyPerSecondCeiling() throws Exception {
        List<String> chats = new ArrayList<>();
        for (int n = 1; n <= USERS; n++) {
            chats.add(bot.install(SyntheticUsers.idOf(n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            warmUp(pool);
            List<Callable<Answer>> sends = new ArrayList<>();
            for (String chat : chats) {
                sends.add(() -> bot.send(chat, text("Broadcast")));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(sends)) {
                answers.add(f.get());
            }

            List<Answer> throttled = answers.stream().filter(a -> a.status() == 429).toList();
            long accepted = answers.stream().filter(a -> a.status() == 201).count();
            assertThat(throttled).as("one send per user: only the tenant-wide 50/s can throttle").isNotEmpty();
            assertThat(accepted + throttled.size()).isEqualTo(USERS);
            assertThat(accepted).isGreaterThanOrEqualTo(50);
            throttled.forEach(BotConnectorRateLimitTest::assertThrottled);
            assertThat(bot.deliveries()).hasSize((int) accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertThrottled(Answer answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo("Throttled");
        assertThat(BotSwagger.problems(answer.json(), "ErrorResponse")).isEmpty();
        assertThat(Double.parseDouble(answer.header("Retry-After"))).isPositive();
    }

    private static long retryAfterMillis(Answer answer) {
        return (long) Math.ceil(Double.parseDouble(answer.header("Retry-After")) * 1000);
    }

    /** Opens connections first, so the TLS handshakes do not spread the timed requests out. */
    private static void warmUp(int times) {
        for (int i = 0; i < times; i++) {
            bot.deliveries();
        }
    }

    private static void warmUp(ExecutorService pool) throws InterruptedException {
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(() -> bot.deliveries());
        }
        pool.invokeAll(calls);
    }
}
