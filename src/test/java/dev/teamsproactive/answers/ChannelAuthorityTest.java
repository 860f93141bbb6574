package dev.teamsproactive.answers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.config.Cloud;
import dev.teamsproactive.config.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose tokens the messaging endpoint accepts: the Bot Framework of the target's cloud, or the sandbox's own. */
class ChannelAuthorityTest {
    private static final Target.Credentials CREDENTIALS = new Target.Credentials("tenant", "client", null, "bot-app-id",
            null, "tenant", null, null);

    @ParameterizedTest
    @CsvSource({
            "GLOBAL, https://login.botframework.com/v1/.well-known/openidconfiguration, https://api.botframework.com",
            "GCC,    https://login.botframework.com/v1/.well-known/openidconfiguration, https://api.botframework.com",
            "GCCH,   https://login.botframework.azure.us/v1/.well-known/openidconfiguration, https://api.botframework.us",
            "DOD,    https://login.botframework.azure.us/v1/.well-known/openidconfiguration, https://api.botframework.us"})
    void eachCloudHasItsOwnMetadataAndIssuer(Cloud cloud, String metadata, String issuer) {
        Target target = new Target("tenant", cloud.authority(), cloud.graph(), cloud.botServiceUrl(), CREDENTIALS, "x",
                null, false, cloud);

        assertThat(ChannelAuthority.of(target)).isEqualTo(new ChannelAuthority(metadata, issuer, "bot-app-id"));
    }

    @ParameterizedTest
    @CsvSource("https://127.0.0.1:4321")
    void theSandboxServesItsOwnMetadata(String sandbox) {
        Target target = new Target("sandbox", sandbox, sandbox, sandbox, CREDENTIALS, "x", null, true, Cloud.GLOBAL);

        assertThat(ChannelAuthority.of(target)).isEqualTo(new ChannelAuthority(sandbox + "/_sandbox/openid",
                "https://api.botframework.com", "bot-app-id"));
    }
}
