package dev.teamsproactive.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.teams.ChannelTokens;
import dev.teamsproactive.tls.SandboxTls;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bot Framework token checks against the sandbox's OpenID metadata and keys, as Teams' would be: five minutes of
 * clock skew either way, a signing key rolled over, and tokens naming key ids nobody published.
 */
class ChannelTokenValidatorTest {
    private static Sandbox sandbox;
    private ChannelTokenValidator validator;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void newValidator() {
        validator = new ChannelTokenValidator(new ChannelAuthority(sandbox.url() + "/_sandbox/openid",
                ChannelTokens.ISSUER, sandbox.tenant().app().botAppId()), SandboxTls.clientContext());
    }

    private ChannelTokens tokens() {
        return sandbox.teams().tokens();
    }

    private String validToken() {
        return tokens().token(ChannelTokens.Kind.VALID, sandbox.url());
    }

    private long keyFetches() {
        return sandbox.teams().fetches().get("keys");
    }

    /** A token valid from now + {@code notBefore} to now + {@code expires} (seconds; JWT times are whole seconds). */
    @ParameterizedTest(name = "not before {0} s, expires {1} s from now: accepted {2}")
    @CsvSource({
            "-3600, -240,  true",  // expired 4 minutes ago: within the skew
            "-3600, -360,  false", // expired 6 minutes ago
            "240,   3600,  true",  // valid from 4 minutes on: within the skew
            "360,   3600,  false", // valid from 6 minutes on
            "-60,   3600,  true"})
    void fiveMinutesOfClockSkewEitherWay(long notBefore, long expires, boolean accepted) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = tokens().token(sandbox.url(), now.plusSeconds(notBefore), now.plusSeconds(expires));

        if (accepted) {
            assertThat(validator.validate(token, sandbox.url()).getAudience()).containsExactly(
                    sandbox.tenant().app().botAppId());
        } else {
            assertThatThrownBy(() -> validator.validate(token, sandbox.url()))
                    .isInstanceOf(UnauthenticatedActivityException.class)
                    .hasMessageNotContaining(token);
        }
    }

    @Test
    void aTokenThatPassedIsNotTrustedBeyondItsExpiry() throws Exception {
        validator.validate(validToken(), sandbox.url()); // the keys fetched
        // Expires, skew included, three seconds from now.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.minusSeconds(ChannelTokenValidator.CLOCK_SKEW_SECONDS - 3);
        String token = tokens().token(sandbox.url(), now.minus(Duration.ofHours(1)), expires);
        validator.validate(token, sandbox.url());

        Thread.sleep(Duration.between(Instant.now(), now.plusSeconds(4)).toMillis());

        assertThatThrownBy(() -> validator.validate(token, sandbox.url()))
                .isInstanceOf(UnauthenticatedActivityException.class);
    }

    @Test
    void aTokenThatPassedStillNeedsItsServiceUrlToMatch() {
        String token = validToken();
        validator.validate(token, sandbox.url());

        assertThatThrownBy(() -> validator.validate(token, "https://elsewhere.example"))
                .isInstanceOf(UnauthenticatedActivityException.class)
                .hasMessageContaining("serviceurl");
    }

    @Test
    void aKeyRolledOverIsFetchedAndTrustedAtItsFirstToken() throws Exception {
        String beforeRollover = validToken();
        validator.validate(beforeRollover, sandbox.url());
        long fetchedBefore = keyFetches();

        String newKeyId = sandbox.teams().keys().rotate();
        String afterRollover = validToken();

        assertThat(validator.validate(afterRollover, sandbox.url()).getStringClaim("serviceurl")).isEqualTo(sandbox.url());
        assertThat(keyFetches()).as("the keys fetched again once, for the new key id").isEqualTo(fetchedBefore + 1);
        assertThat(sandbox.teams().keys().signingKeyId()).isEqualTo(newKeyId);
        // The earlier key is still published during the rollover: its tokens still pass.
        validator.validate(beforeRollover, sandbox.url());
        validator.validate(validToken(), sandbox.url());
        assertThat(keyFetches()).isEqualTo(fetchedBefore + 1);
    }

    @Test
    void tokensNamingUnknownKeyIdsAreRefusedWithoutHammeringTheKeys() {
        long fetchedBefore = keyFetches();
        validator.validate(validToken(), sandbox.url());

        for (int i = 0; i < 50; i++) {
            String forged = tokens().token(ChannelTokens.Kind.UNKNOWN_KEY, sandbox.url());
            assertThatThrownBy(() -> validator.validate(forged, sandbox.url()))
                    .isInstanceOf(UnauthenticatedActivityException.class);
        }

        // The first fetch, and at most one more in the same 30 seconds, whatever the number of unknown key ids.
        assertThat(keyFetches() - fetchedBefore).isBetween(1L, 2L);
        assertThat(sandbox.teams().fetches().get("metadata")).isPositive();
        validator.validate(validToken(), sandbox.url());
    }
}
