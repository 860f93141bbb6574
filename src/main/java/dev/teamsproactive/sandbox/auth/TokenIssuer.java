package dev.teamsproactive.sandbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks the sandbox's access tokens: signed JWTs carrying audience, tenant, roles and
 * expiry as Entra ID's do. The signing key is random per sandbox start, so a token never outlives it.
 */
public final class TokenIssuer {
    private final byte[] key = new byte[32];
    private final Duration lifetime;
    private final MACSigner signer;
    private final JWSVerifier verifier;

    public TokenIssuer(Duration lifetime) {
        new SecureRandom().nextBytes(key);
        this.lifetime = lifetime;
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String appId, String tenantId, Audience audience, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience.uri())
                // Entra ID's v1.0 access tokens, which both resources receive, name the issuing tenant so.
                .issuer("https://sts.windows.net/" + tenantId + "/")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("appid", appId)
                .claim("tid", tenantId)
                .claim("roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The caller of a valid, unexpired token for {@code audience}; empty for anything else. */
    public Optional<Caller> verify(String bearer, Audience audience) {
        if (bearer == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(bearer);
            if (!jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (c.getAudience() == null || !c.getAudience().contains(audience.uri())) {
                return Optional.empty();
            }
            Instant expiry = c.getExpirationTime().toInstant();
            if (!Instant.now().isBefore(expiry)) {
                return Optional.empty();
            }
            List<String> roles = c.getStringListClaim("roles");
            return Optional.of(new Caller(c.getStringClaim("appid"), c.getStringClaim("tid"), audience,
                    new HashSet<>(roles == null ? List.of() : roles), expiry));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
