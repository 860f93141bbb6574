package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Checks the bearer token of a request from the channel as the Bot Framework requires: RS256 signed by a key the
 * channel's OpenID metadata lists (nimbus-jose-jwt caches the key set and fetches it again when a token names a
 * key id it does not know, as keys roll over), issuer, audience = the bot's app id, expiry and not-before with five
 * minutes of clock skew, the {@code serviceurl} claim equal to the activity's serviceUrl, and the key endorsed for
 * Teams ({@link EndorsedKeys}).
 *
 * <p>The Bot Connector sends the same token with every activity for as long as it lasts, so a token that passed is
 * remembered (its exact text) and trusted again without parsing and verifying it anew, until it expires (with the
 * skew) or for {@link #TRUSTED_FOR_MILLIS} at most, as long as nimbus trusts a fetched key set; the serviceurl check
 * runs every time. A token that fails is never remembered. Nimbus limits the key set's refetches (at most two per
 * 30 seconds), so tokens naming unknown key ids cannot make the endpoint hammer the metadata URL.
 */
public final class ChannelTokenValidator {
    /** The industry-standard clock skew the Bot Framework allows. */
    static final int CLOCK_SKEW_SECONDS = 300;
    private static final int TIMEOUT_MS = 10_000;
    private static final int SIZE_LIMIT = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a token that passed is trusted again without a new check: nimbus's key set cache time. */
    static final long TRUSTED_FOR_MILLIS = JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE;
    /** Tokens remembered at most; the channel uses a few at a time, so a full map is simply emptied. */
    private static final int MAX_REMEMBERED = 1_000;

    /** A token that passed, its claims, and until when it is trusted without a new check (epoch millis). */
    private record Passed(JWTClaimsSet claims, long trustedUntil) {
    }

    private final Map<String, Passed> passed = new ConcurrentHashMap<>();

    private final ChannelAuthority authority;
    private final ResourceRetriever retriever;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    /** @param trust the TLS context to fetch the metadata with (the sandbox's), or null for the JDK's trust */
    public ChannelTokenValidator(ChannelAuthority authority, SSLContext trust) {
        this.authority = authority;
        this.retriever = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT, true,
                trust == null ? null : trust.getSocketFactory());
    }

    /**
     * The token's claims when every check holds.
     *
     * @throws UnauthenticatedActivityException naming the failed check (never the token)
     */
    public JWTClaimsSet validate(String bearer, String activityServiceUrl) {
        if (bearer == null || bearer.isBlank()) {
            throw new UnauthenticatedActivityException("no bearer token");
        }
        long now = System.currentTimeMillis();
        Passed known = passed.get(bearer);
        JWTClaimsSet claims;
        if (known != null && now < known.trustedUntil()) {
            claims = known.claims();
        } else {
            try {
                claims = processor().process(bearer, null);
            } catch (IOException e) {
                throw new UnauthenticatedActivityException("the channel's signing keys could not be read: " + e.getMessage());
            } catch (Exception e) {
                throw new UnauthenticatedActivityException("token rejected: " + e.getMessage());
            }
            remember(bearer, claims, now);
        }
        Object serviceUrl = claims.getClaim("serviceurl");
        if (serviceUrl == null || activityServiceUrl == null || !trimSlash(serviceUrl.toString()).equalsIgnoreCase(
                trimSlash(activityServiceUrl))) {
            throw new UnauthenticatedActivityException("the token's serviceurl claim does not match the activity's serviceUrl");
        }
        return claims;
    }

    private void remember(String bearer, JWTClaimsSet claims, long now) {
        // exp is required (the claims verifier refuses a token without it).
        long expiresWithSkew = claims.getExpirationTime().getTime() + CLOCK_SKEW_SECONDS * 1000L;
        if (passed.size() >= MAX_REMEMBERED) {
            passed.clear();
        }
        passed.put(bearer, new Passed(claims, Math.min(expiresWithSkew, now + TRUSTED_FOR_MILLIS)));
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() throws IOException {
        ConfigurableJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                p = processor;
            }
        }
        return p;
    }

    /** Reads the metadata once for its jwks_uri; a failure is retried at the next request. */
    private ConfigurableJWTProcessor<SecurityContext> build() throws IOException {
        JsonNode metadata = JSON.readTree(retriever.retrieveResource(new URL(authority.openIdMetadataUrl())).getContent());
        JsonNode jwksUri = metadata.get("jwks_uri");
        if (jwksUri == null || !jwksUri.isTextual()) {
            throw new IOException("the OpenID metadata at " + authority.openIdMetadataUrl() + " names no jwks_uri");
        }
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new EndorsedKeys(URI.create(jwksUri.asText()).toURL(),
                retriever)).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(authority.botAppId(),
                new JWTClaimsSet.Builder().issuer(authority.issuer()).build(), Set.of("exp"));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
