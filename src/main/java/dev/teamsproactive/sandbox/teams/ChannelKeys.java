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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox's Bot Framework signing keys, as the channel's OpenID metadata publishes them: the published RSA keys
 * (RS256, endorsed for {@code msteams}), the newest of which signs; one never published, which signs forged tokens
 * under the signing key's {@code kid} or under a {@code kid} nobody published. {@link #rotate()} rolls the keys over
 * as the Bot Framework does: a new key is published and signs from then on, the earlier ones stay listed. All are
 * new at every sandbox start.
 */
public final class ChannelKeys {
    public static final String CHANNEL_ID = "msteams";
    /** Newest last; the newest signs. */
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final RSAKey forger;
    /** Published too, but endorsed for another channel only: what it signs is not Teams speaking. */
    private final RSAKey otherChannel;

    public ChannelKeys() {
        published.add(newKey());
        this.forger = newKey();
        this.otherChannel = newKey();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the sandbox's channel keys", e);
        }
    }

    private RSAKey signing() {
        return published.get(published.size() - 1);
    }

    /** A new key is published and signs every token from now on; the key id it has. */
    public String rotate() {
        RSAKey key = newKey();
        published.add(key);
        return key.getKeyID();
    }

    /** The key id tokens are signed under now. */
    public String signingKeyId() {
        return signing().getKeyID();
    }

    /** The JWKS document: the public half of the published keys, with the Bot Framework's endorsements. */
    public Map<String, Object> jwks() {
        List<Object> keys = new ArrayList<>();
        for (RSAKey k : published) {
            Map<String, Object> key = new LinkedHashMap<>(k.toPublicJWK().toJSONObject());
            key.put("endorsements", List.of(CHANNEL_ID));
            keys.add(key);
        }
        Map<String, Object> other = new LinkedHashMap<>(otherChannel.toPublicJWK().toJSONObject());
        other.put("endorsements", List.of("webchat"));
        keys.add(other);
        return Map.of("keys", keys);
    }

    /** The claims signed with the published key endorsed for another channel only. */
    public String signForOtherChannel(JWTClaimsSet claims) {
        return sign(claims, otherChannel, otherChannel.getKeyID());
    }

    /** The claims signed with the signing key, or with the unpublished one under its key id when {@code forged}. */
    public String sign(JWTClaimsSet claims, boolean forged) {
        RSAKey key = signing();
        return sign(claims, forged ? forger : key, key.getKeyID());
    }

    /** The claims signed with the unpublished key under a key id never published: each call a new one. */
    public String signWithUnknownKey(JWTClaimsSet claims) {
        return sign(claims, forger, UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String keyId) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
