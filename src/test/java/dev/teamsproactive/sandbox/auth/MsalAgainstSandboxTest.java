package dev.teamsproactive.sandbox.auth;

import dev.teamsproactive.auth.SandboxRoutedMsalHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.TokenSource;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.tls.SandboxTls;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The product gets its tokens with msal4j, so the token endpoint is proven with msal4j itself, aimed at a
 * local sandbox as the product aims it (its authority set to the sandbox, instance discovery off).
 */
class MsalAgainstSandboxTest {
    private static final String TOKEN_TEMPLATE = "POST /{tenant}/oauth2/v2.0/token";
    private Sandbox sandbox;

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void graphTokenForTheSeedTenantCarriesTheGrantedRoles() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        IAuthenticationResult result = acquire(app(tenantId(), secret()), SandboxTestClient.GRAPH_SCOPE);

        JsonNode claims = TokenClaims.of(result.accessToken());
        assertThat(claims.get("aud").asText()).isEqualTo("https://graph.microsoft.com");
        assertThat(claims.get("tid").asText()).isEqualTo(tenantId());
        assertThat(TokenClaims.roles(claims)).containsExactlyInAnyOrderElementsOf(sandbox.tenant().grantedRoles());
        assertThat(result.expiresOnDate()).isAfter(new java.util.Date(System.currentTimeMillis() + 3_000_000));
    }

    @Test
    void botConnectorTokenFromTheBotFrameworkTenantAndFromTheSeedTenant() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());

        JsonNode multiTenant = TokenClaims.of(acquire(app(TokenEndpoint.BOT_FRAMEWORK_TENANT, secret()),
                SandboxTestClient.BOT_SCOPE).accessToken());
        JsonNode singleTenant = TokenClaims.of(acquire(app(tenantId(), secret()), SandboxTestClient.BOT_SCOPE).accessToken());

        assertThat(multiTenant.get("aud").asText()).isEqualTo("https://api.botframework.com");
        assertThat(multiTenant.get("tid").asText()).isEqualTo(TokenEndpoint.BOT_FRAMEWORK_TENANT_ID);
        assertThat(singleTenant.get("aud").asText()).isEqualTo("https://api.botframework.com");
        assertThat(singleTenant.get("tid").asText()).isEqualTo(tenantId());
        assertThat(TokenClaims.roles(multiTenant)).isEmpty();
    }

    @Test
    void aSecondAcquireIsServedFromMsalsCacheAndNeverReachesTheSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        ConfidentialClientApplication app = routedApp(tenantId(), secret());

        IAuthenticationResult first = acquire(app, SandboxTestClient.GRAPH_SCOPE);
        IAuthenticationResult second = acquire(app, SandboxTestClient.GRAPH_SCOPE);

        assertThat(first.metadata().tokenSource()).isEqualTo(TokenSource.IDENTITY_PROVIDER);
        assertThat(second.metadata().tokenSource()).isEqualTo(TokenSource.CACHE);
        assertThat(second.accessToken()).isEqualTo(first.accessToken());
        assertThat(tokenRequests(200)).isEqualTo(1);
        // msal4j was told to skip instance discovery and metadata: the token POST is all it sent.
        assertThat(new SandboxTestClient(sandbox).get("/_sandbox/requests", null).json())
                .allSatisfy(r -> assertThat(r.get("path").asText()).endsWith("/oauth2/v2.0/token"));
    }

    @Test
    void aTokenWithinMsalsFiveMinuteRefreshMarginIsFetchedAgainOnEveryAcquire() throws Exception {
        // msal4j treats a cached token as expired 5 minutes before its expiry, so with a 60 s lifetime every acquire goes back to the token endpoint.
        sandbox = Sandbox.start(SandboxOptions.defaults().withTokenLifetime(Duration.ofSeconds(60)));
        ConfidentialClientApplication app = routedApp(tenantId(), secret());

        IAuthenticationResult first = acquire(app, SandboxTestClient.GRAPH_SCOPE);
        IAuthenticationResult second = acquire(app, SandboxTestClient.GRAPH_SCOPE);

        assertThat(TokenClaims.of(first.accessToken()).get("exp").asLong() - TokenClaims.of(first.accessToken()).get("iat").asLong())
                .isEqualTo(60);
        assertThat(second.metadata().tokenSource()).isEqualTo(TokenSource.IDENTITY_PROVIDER);
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(tokenRequests(200)).isEqualTo(2);
    }

    @Test
    void withAPortInTheAuthorityMsal4j1261NeverServesFromItsCache() throws Exception {
        // A known msal4j 1.26.1 limit (see SandboxRoutedMsalHttpClient): it files the token under "127.0.0.1"
        // and looks for "127.0.0.1:PORT". If an msal4j upgrade fixes it, this test says so.
        sandbox = Sandbox.start(SandboxOptions.defaults());
        ConfidentialClientApplication app = app(tenantId(), secret());

        acquire(app, SandboxTestClient.GRAPH_SCOPE);
        IAuthenticationResult second = acquire(app, SandboxTestClient.GRAPH_SCOPE);

        assertThat(second.metadata().tokenSource()).isEqualTo(TokenSource.IDENTITY_PROVIDER);
        assertThat(tokenRequests(200)).isEqualTo(2);
    }

    @Test
    void aWrongSecretIsAnMsalServiceExceptionWithInvalidClient() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        ConfidentialClientApplication app = app(tenantId(), "not-the-secret");

        assertThatThrownBy(() -> acquire(app, SandboxTestClient.GRAPH_SCOPE))
                .isInstanceOf(MsalServiceException.class)
                .satisfies(e -> {
                    MsalServiceException m = (MsalServiceException) e;
                    assertThat(m.errorCode()).isEqualTo("invalid_client");
                    assertThat(m.statusCode()).isEqualTo(400);
                    assertThat(m.getMessage()).contains("AADSTS7000215");
                });
        assertThat(tokenRequests(400)).isEqualTo(1);
    }

    private ConfidentialClientApplication app(String tenant, String secret) throws Exception {
        return ConfidentialClientApplication.builder(sandbox.tenant().app().clientId(),
                        ClientCredentialFactory.createFromSecret(secret))
                .authority(sandbox.url() + "/" + tenant + "/")
                .instanceDiscovery(false)
                .validateAuthority(false)
                .sslSocketFactory(SandboxTls.clientContext().getSocketFactory())
                .build();
    }

    /** As {@link #app}, with a port-less authority host that {@link SandboxRoutedMsalHttpClient} sends to the sandbox. */
    private ConfidentialClientApplication routedApp(String tenant, String secret) throws Exception {
        return ConfidentialClientApplication.builder(sandbox.tenant().app().clientId(),
                        ClientCredentialFactory.createFromSecret(secret))
                .authority("https://" + SandboxRoutedMsalHttpClient.AUTHORITY_HOST + "/" + tenant + "/")
                .instanceDiscovery(false)
                .validateAuthority(false)
                .httpClient(new SandboxRoutedMsalHttpClient(sandbox.url()))
                .build();
    }

    /** Unwraps msal4j's CompletionException so tests see the MsalServiceException itself. */
    private static IAuthenticationResult acquire(ConfidentialClientApplication app, String scope) throws Exception {
        try {
            return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private long tokenRequests(int status) {
        JsonNode byStatus = new SandboxTestClient(sandbox).get("/_sandbox/stats", null).json().path("requests").path(TOKEN_TEMPLATE);
        return byStatus.path(Integer.toString(status)).asLong(0);
    }

    private String tenantId() {
        return sandbox.tenant().tenantId();
    }

    private String secret() {
        return sandbox.tenant().app().clientSecret();
    }
}
