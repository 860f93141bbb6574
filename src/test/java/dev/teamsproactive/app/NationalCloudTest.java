package dev.teamsproactive.app;

import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.auth.TokenProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * teams.cloud picks the authority, Graph, the Bot Connector's serviceUrl and both token scopes of
 * that cloud, and msal4j signs in at that cloud's authority. Nothing is started or called.
 */
class NationalCloudTest {
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";

    @TempDir
    Path config;

    @ParameterizedTest
    @CsvSource({
            "global, https://login.microsoftonline.com, https://graph.microsoft.com, https://smba.trafficmanager.net/teams, https://api.botframework.com/.default",
            "gcc,    https://login.microsoftonline.com, https://graph.microsoft.com, https://smba.infra.gcc.teams.microsoft.com/teams, https://api.botframework.com/.default",
            "gcch,   https://login.microsoftonline.us,  https://graph.microsoft.us,  https://smba.infra.gov.teams.microsoft.us/teams, https://api.botframework.us/.default",
            "dod,    https://login.microsoftonline.us,  https://dod-graph.microsoft.us, https://smba.infra.dod.teams.microsoft.us/teams, https://api.botframework.us/.default"})
    void eachCloudHasItsOwnEndpointsAndScopes(String cloud, String authority, String graph, String bot, String botScope)
            throws Exception {
        Files.writeString(config.resolve("application.properties"), "teams.cloud=" + cloud + "\nteams.tenant-id=" + TENANT
                + "\nteams.client-id=aaaaaaaa-0000-4000-8000-000000000001\nteams.app-external-id=x\n");
        Settings settings = Settings.load(config, Map.of("TEAMS_CLIENT_SECRET", "not-used"));

        Target target = TargetResolver.resolve(settings, TargetResolver.Mode.AUTO, null).target();

        assertThat(target.sandbox()).isFalse();
        assertThat(target.authority()).isEqualTo(authority);
        assertThat(target.graph()).isEqualTo(graph);
        assertThat(target.botServiceUrl()).isEqualTo(bot);
        TokenProvider graphToken = TokenProviders.graph(target);
        TokenProvider botToken = TokenProviders.bot(target);
        assertThat(graphToken.authority()).isEqualTo(authority + "/" + TENANT + "/");
        assertThat(graphToken.scope()).isEqualTo(graph + "/.default");
        assertThat(botToken.authority()).isEqualTo(authority + "/" + TENANT + "/");
        assertThat(botToken.scope()).isEqualTo(botScope);
    }
}
