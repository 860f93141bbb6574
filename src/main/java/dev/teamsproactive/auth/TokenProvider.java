package dev.teamsproactive.auth;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
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
    /** msal4j renews a cached token about 5 minutes before it expires; so does the header kept here. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private volatile Current current;
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

    /**
     * "Bearer …" from msal4j's cache, or a new token when the cached one is near expiry. The header is kept here
     * as well while msal4j would serve the same token from its cache: each msal4j call runs on a new thread on
     * a 2-core machine (CompletableFuture without a common pool), which bounded the engine at every HTTP step.
     */
    public String authorization() {
        Current now = current;
        if (now != null && now.servesAt(Instant.now())) {
            return now.header();
        }
        synchronized (this) {
            now = current;
            if (now != null && now.servesAt(Instant.now())) {
                return now.header();
            }
            if (aheadFailure != null) {
                TokenUnavailableException failure = aheadFailure;
                aheadFailure = null;
                throw failure;
            }
            return remember(acquire(cached));
        }
    }

    /**
     * Asks for a token before anyone needs it (while the service starts). Its failure is kept for the next caller,
     * who gets it instead of asking again at once: a refused secret is asked for once, as without this.
     *
     * @return whether a token was had
     */
    public synchronized boolean fetchAhead() {
        try {
            authorization();
            return true;
        } catch (TokenUnavailableException e) {
            aheadFailure = e;
            return false;
        }
    }

    /** "Bearer …" newly issued: after a 401, the cached token is not trusted again. */
    public synchronized String refreshedAuthorization() {
        return remember(acquire(fresh));
    }

    /** A failure of {@link #fetchAhead()} not yet handed to a caller. */
    private TokenUnavailableException aheadFailure;

    private String remember(IAuthenticationResult result) {
        Current next = new Current("Bearer " + result.accessToken(),
                result.expiresOnDate() == null ? Instant.MIN : result.expiresOnDate().toInstant().minus(RENEW_BEFORE_EXPIRY));
        current = next;
        return next.header();
    }

    /** The last header, and until when msal4j would serve its token from the cache (then it is renewed). */
    private record Current(String header, Instant renewAt) {
        boolean servesAt(Instant now) {
            return now.isBefore(renewAt);
        }
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
