package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.BOT_APP_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.CATALOG_ID;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Chat;
import com.microsoft.graph.models.ChatType;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.UserScopeTeamsAppInstallation;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import dev.teamsproactive.tls.SandboxTls;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's own Graph SDK for Java (com.microsoft.graph:microsoft-graph 6.x), pointed at the sandbox:
 * it deserializes the sandbox's answers into its models, follows its next links and reads its errors.
 */
class GraphSdkTest {
    private static Sandbox sandbox;
    private static GraphServiceClient graph;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF));
        String token = new SandboxTestClient(sandbox).token(SandboxTestClient.GRAPH_SCOPE);
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(URI.create(sandbox.url()).getHost());
            }
        };
        BaseBearerTokenAuthenticationProvider auth = new BaseBearerTokenAuthenticationProvider(tokens);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(SandboxTls.trustStore());
        X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        OkHttpClient http = GraphClientFactory.create(auth).sslSocketFactory(tls.getSocketFactory(), trust).build();
        graph = new GraphServiceClient(auth, http);
        graph.getRequestAdapter().setBaseUrl(sandbox.url() + "/v1.0");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<UserScopeTeamsAppInstallation> installedApps(String userId) {
        return graph.users().byUserId(userId).teamwork().installedApps().get(rc -> {
            rc.queryParameters.expand = new String[] {"teamsApp"};
            rc.queryParameters.filter = "teamsApp/id eq '" + CATALOG_ID + "'";
        }).getValue();
    }

    /** A new body each time: the SDK's backing store sends only changed values when a model is posted again. */
    private static UserScopeTeamsAppInstallation installBody() {
        UserScopeTeamsAppInstallation install = new UserScopeTeamsAppInstallation();
        Map<String, Object> bind = new HashMap<>();
        bind.put("teamsApp@odata.bind", "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + CATALOG_ID);
        install.setAdditionalData(bind);
        return install;
    }

    @Test
    void listsInstallsAndGetsTheChatThroughTheSdk() {
        assertThat(installedApps(ADA)).isEmpty();

        graph.users().byUserId(ADA).teamwork().installedApps().post(installBody());

        List<UserScopeTeamsAppInstallation> installed = installedApps(ADA);
        assertThat(installed).hasSize(1);
        assertThat(installed.get(0).getTeamsApp().getId()).isEqualTo(CATALOG_ID);
        assertThat(installed.get(0).getTeamsApp().getExternalId()).isEqualTo(GraphTestSeeds.EXTERNAL_ID);

        Chat chat = graph.users().byUserId(ADA).teamwork().installedApps()
                .byUserScopeTeamsAppInstallationId(installed.get(0).getId()).chat().get();
        assertThat(chat.getId()).isEqualTo("19:" + ADA + "_" + BOT_APP_ID + "@unq.gbl.spaces");
        assertThat(chat.getChatType()).isEqualTo(ChatType.OneOnOne);
        assertThat(chat.getTenantId()).isEqualTo(TENANT_ID);
        assertThat(chat.getCreatedDateTime()).isNotNull();

        assertThatThrownBy(() -> graph.users().byUserId(ADA).teamwork().installedApps().post(installBody()))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(409);
                    assertThat(e.getError().getCode()).isEqualTo("Conflict");
                });
    }

    @Test
    void resolvesAUpnAndReadsTheDirectorysNotFound() {
        User user = graph.users().byUserId("o'brien@contoso.example").get();
        assertThat(user.getId()).isEqualTo(GraphTestSeeds.OBRIEN);
        assertThatThrownBy(() -> graph.users().byUserId("nobody@contoso.example").get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(404);
                    assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
                });
    }

    @Test
    void thePageIteratorFollowsTheSandboxsNextLinks() throws Exception {
        UserCollectionResponse first = graph.users().get(rc -> {
            rc.queryParameters.filter = "accountEnabled eq true and userType eq 'Member'";
            rc.queryParameters.select = new String[] {"id", "userPrincipalName", "mail", "displayName"};
            rc.queryParameters.top = 7;
        });
        List<String> ids = new ArrayList<>();
        PageIterator<User, UserCollectionResponse> pages = new PageIterator.Builder<User, UserCollectionResponse>()
                .client(graph).collectionPage(first).collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(u -> ids.add(u.getId())).build();
        pages.iterate();
        assertThat(ids).doesNotHaveDuplicates().contains(ADA).doesNotContain(GraphTestSeeds.GINA_GUEST)
                .hasSize(sandbox.tenant().directory().userCount() - 2);
    }
}
