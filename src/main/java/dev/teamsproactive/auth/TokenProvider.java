package dev.teamsproactive.auth;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * One access token source (one credential, one scope) through msal4j. The application object is built
 * once and reused, because msal4j's token cache lives inside it: most calls are served from memory.
 */
public final class TokenProvider {
    private final ConfidentialClientApplication app;
    private final ClientCredentialParameters cached;
    private final ClientCredentialParameters fresh;
    private final String description;
    private final String scope;

    /**
     * @param authorityBase e.g. https://login.microsoftonline.com or a sandbox URL
     * @param tenant        the tenant id, or botframework.com for a multi-tenant bot
     * @param scope         e.g. https://graph.microsoft.com/.default
     * @param trust         a TLS context for a sandbox, or null for the JDK's default trust
     */
    public TokenProvider(String authorityBase, String tenant, String clientId, IClientCredential credential, String scope,
            SSLContext trust, boolean localAuthority) {
        try {
            ConfidentialClientApplication.Builder b = ConfidentialClientApplication
                    .builder(clientId, credential);
            if (localAuthority) {
                // A sandbox is not a known Microsoft host: don't ask login.microsoftonline.com about it. Its
                // authority gets a port-less name routed to the sandbox, or msal4j's cache never hits.
                b.authority("https://" + SandboxRoutedMsalHttpClient.AUTHORITY_HOST + "/" + tenant + "/")
                        .httpClient(new SandboxRoutedMsalHttpClient(trimSlash(authorityBase)))
                        .instanceDiscovery(false).validateAuthority(false);
            } else {
                b.authority(trimSlash(authorityBase) + "/" + tenant + "/");
                if (trust != null) {
                    b.sslSocketFactory(trust.getSocketFactory());
                }
            }
            this.app = b.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a valid authority URL: " + authorityBase, e);
        }
        this.cached = ClientCredentialParameters.builder(Set.of(scope)).build();
        this.fresh = ClientCredentialParameters.builder(Set.of(scope)).skipCache(true).build();
        this.description = scope + " for client " + clientId + " in tenant " + tenant;
        this.scope = scope;
    }

    /** The authority msal4j signs in at, e.g. https://login.microsoftonline.us/{tenant}/. */
    public String authority() {
        return app.authority();
    }

    public String scope() {
        return scope;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** "Bearer …" from msal4j's cache, or a new token when the cached one is near expiry. */
    public String authorization() {
        return "Bearer " + acquire(cached).accessToken();
    }

    /** "Bearer …" newly issued: after a 401, the cached token is not trusted again. */
    public String refreshedAuthorization() {
        return "Bearer " + acquire(fresh).accessToken();
    }

    /**
     * One caller at a time: a cache hit is quick, and at a campaign's start dozens of threads would otherwise
     * all miss the empty cache together and each ask the token endpoint.
     */
    private synchronized IAuthenticationResult acquire(ClientCredentialParameters parameters) {
        try {
            return app.acquireToken(parameters).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while getting a token (" + description + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof MsalException m ? m.getMessage() : String.valueOf(cause);
            throw new TokenUnavailableException("No token for " + description + ": " + why, cause);
        } catch (TimeoutException e) {
            throw new TokenUnavailableException("The token endpoint did not answer in 60 s (" + description + ")", e);
        }
    }
}
