package dev.teamsproactive.sandbox.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.NotificationInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.testsupport.AdaptiveCardSchema;
import dev.teamsproactive.tls.SandboxTls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;

/**
 * Microsoft's own Java Bot Connector client ({@code com.microsoft.bot:bot-connector}) drives the sandbox: the
 * sandbox takes the requests that SDK writes and answers in the shapes it reads, errors included.
 *
 * <p>The SDK checks its arguments by reflection into every nested value, which Java 17 forbids for JDK
 * collections nested in collections: channel data goes as the SDK's own {@code TeamsChannelData} and the card as
 * a Jackson tree, as an SDK user on Java 17 has to write them.
 */
class BotConnectorSdkTest {
    private static Sandbox sandbox;
    private static BotCalls bot;
    private static RestConnectorClient connector;
    private static Conversations conversations;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        bot = new BotCalls(sandbox);
        connector = new RestConnectorClient(restClient(sandbox.url() + "/", bot.token()));
        conversations = connector.getConversations();
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.tenant().reset();
    }

    /**
     * What {@code RestConnectorClient.getDefaultRestClientBuilder} builds, with two changes: TLS that trusts the
     * sandbox, and a bearer token from the sandbox's token endpoint instead of the SDK's own MSAL credentials (which
     * would ask login.microsoftonline.com).
     */
    private static RestClient restClient(String baseUrl, String token) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(SandboxTls.trustStore());
        X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .sslSocketFactory(SandboxTls.clientContext().getSocketFactory(), trust);
        return new RestClient.Builder(http, new Retrofit.Builder())
                .withBaseUrl(baseUrl)
                .withCredentials(builder -> builder.addInterceptor(chain -> chain.proceed(
                        chain.request().newBuilder().header("Authorization", "Bearer " + token).build())))
                .withSerializerAdapter(new JacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .build();
    }

    @Test
    void theSdkCreatesTheChatSendsACardUpdatesAndDeletesIt() {
        String ada = bot.userId("ada@contoso.example");
        String chat = bot.install(ada);

        ConversationResourceResponse created = conversations.createConversation(parameters("29:" + ada)).join();
        assertThat(created.getId()).isEqualTo(chat);

        ObjectNode card = BotCalls.card("From the SDK", "Sent by com.microsoft.bot:bot-connector.");
        Activity message = Activity.createMessageActivity();
        message.setText("Hello from the SDK");
        message.setSummary("SDK message");
        Attachment attachment = new Attachment();
        attachment.setContentType(BotCalls.ADAPTIVE_CARD);
        attachment.setContent(card);
        message.setAttachments(List.of(attachment));
        TeamsChannelData alert = new TeamsChannelData();
        alert.setNotification(new NotificationInfo(true));
        message.setChannelData(alert);
        AdaptiveCardSchema.assertValid(card);

        ResourceResponse sent = conversations.sendToConversation(chat, message).join();

        JsonNode delivery = bot.deliveries().get(0);
        assertThat(delivery.path("activityId").asText()).isEqualTo(sent.getId());
        assertThat(delivery.path("text").asText()).isEqualTo("Hello from the SDK");
        assertThat(delivery.path("summary").asText()).isEqualTo("SDK message");
        assertThat(delivery.path("attachments").get(0).path("content")).isEqualTo(card);

        message.setText("Updated by the SDK");
        assertThat(conversations.updateActivity(chat, sent.getId(), message).join().getId()).isEqualTo(sent.getId());
        assertThat(bot.deliveries().get(0).path("text").asText()).isEqualTo("Updated by the SDK");

        conversations.deleteActivity(chat, sent.getId()).join();
        assertThat(bot.deliveries()).isEmpty();
    }

    @Test
    void theSdkReadsTheSandboxsErrors() {
        String grace = bot.userId("grace@contoso.example");

        Throwable notInstalled = catchThrowable(() -> conversations.createConversation(parameters("29:" + grace)).join());
        Throwable notInRoster = catchThrowable(() -> conversations.sendToConversation(bot.chatOf(grace),
                textMessage("Hello")).join());

        assertThat(codeOf(notInstalled)).isEqualTo("ForbiddenOperationException");
        assertThat(codeOf(notInRoster)).isEqualTo("BotNotInConversationRoster");
    }

    private static ConversationParameters parameters(String memberId) {
        ConversationParameters p = new ConversationParameters();
        p.setBot(new ChannelAccount("28:" + sandbox.tenant().app().botAppId()));
        p.setMembers(List.of(new ChannelAccount(memberId)));
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(sandbox.tenant().tenantId()));
        p.setChannelData(channelData);
        p.setIsGroup(false);
        return p;
    }

    private static Activity textMessage(String text) {
        Activity a = Activity.createMessageActivity();
        a.setText(text);
        return a;
    }

    private static String codeOf(Throwable thrown) {
        Throwable t = thrown instanceof CompletionException ? thrown.getCause() : thrown;
        assertThat(t).isInstanceOf(ErrorResponseException.class);
        return ((ErrorResponseException) t).body().getError().getCode();
    }
}
