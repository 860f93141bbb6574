package dev.teamsproactive.sandbox.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's Bot Framework signing keys, as the channel's OpenID metadata publishes them: one published RSA
 * key (RS256, endorsed for {@code msteams}), and one never published, which signs forged tokens under the
 * published key's {@code kid}. Both are new at every sandbox start.
 */
public final class ChannelKeys {
    public static final String CHANNEL_ID = "msteams";
    private final RSAKey published;
    private final RSAKey forger;
    /** Published too, but endorsed for another channel only: what it signs is not Teams speaking. */
    private final RSAKey otherChannel;

    public ChannelKeys() {
        try {
            this.published = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            this.forger = new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate();
            this.otherChannel = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the sandbox's channel keys", e);
        }
    }

    /** The JWKS document: the public half of the published key, with the Bot Framework's endorsements. */
    public Map<String, Object> jwks() {
        Map<String, Object> key = new LinkedHashMap<>(published.toPublicJWK().toJSONObject());
        key.put("endorsements", List.of(CHANNEL_ID));
        Map<String, Object> other = new LinkedHashMap<>(otherChannel.toPublicJWK().toJSONObject());
        other.put("endorsements", List.of("webchat"));
        return Map.of("keys", List.of(key, other));
    }

    /** The claims signed with the published key endorsed for another channel only. */
    public String signForOtherChannel(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(otherChannel.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(otherChannel));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The claims signed with the published key, or with the unpublished one when {@code forged}. */
    public String sign(JWTClaimsSet claims, boolean forged) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(forged ? forger : published));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
