package dev.teamsproactive.sandbox.teams;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

/**
 * The bearer tokens the sandbox, as the Bot Connector, sends with an activity: issuer the Bot Framework, audience
 * the bot's app id, the activity's serviceUrl as a claim; or, on request, one of the ways a token can be wrong.
 */
public final class ChannelTokens {
    /** The issuer Bot Framework tokens carry in the commercial clouds. */
    public static final String ISSUER = "https://api.botframework.com";
    /** Further in the past than the five minutes of clock skew a bot allows. */
    private static final Duration EXPIRED_AGO = Duration.ofMinutes(10);

    /** What kind of token an act sends. */
    public enum Kind {
        VALID, FORGED, UNKNOWN_KEY, EXPIRED, WRONG_AUDIENCE, OTHER_CHANNEL, NONE;

        public static Kind parse(String text) {
            if (text == null || text.isBlank()) {
                return VALID;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token must be one of valid, forged, unknown-key, expired, wrong-audience, other-channel, none");
            }
        }
    }

    private final ChannelKeys keys;
    private final String botAppId;

    public ChannelTokens(ChannelKeys keys, String botAppId) {
        this.keys = keys;
        this.botAppId = botAppId;
    }

    /** The token of {@code kind} for an activity with {@code serviceUrl}; null for {@link Kind#NONE}. */
    public String token(Kind kind, String serviceUrl) {
        if (kind == Kind.NONE) {
            return null;
        }
        Instant now = Instant.now();
        Instant issued = kind == Kind.EXPIRED ? now.minus(EXPIRED_AGO).minus(Duration.ofHours(1)) : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(kind == Kind.WRONG_AUDIENCE ? UUID.randomUUID().toString() : botAppId)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(kind == Kind.EXPIRED ? now.minus(EXPIRED_AGO) : now.plus(Duration.ofHours(1))))
                .claim("serviceurl", serviceUrl)
                .build();
        return switch (kind) {
            case OTHER_CHANNEL -> keys.signForOtherChannel(claims);
            case UNKNOWN_KEY -> keys.signWithUnknownKey(claims);
            default -> keys.sign(claims, kind == Kind.FORGED);
        };
    }

    /**
     * A token signed as a valid one, valid from {@code notBefore} until {@code expiresAt}: for tests of the clock
     * skew a bot allows.
     */
    public String token(String serviceUrl, Instant notBefore, Instant expiresAt) {
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(botAppId)
                .issueTime(Date.from(notBefore))
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expiresAt))
                .claim("serviceurl", serviceUrl)
                .build(), false);
    }
}
