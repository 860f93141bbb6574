package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Camel properties the teams.http.* and teams.routes.reload settings turn into. */
class ObserveSettingsTest {
    @TempDir
    Path config;

    @Test
    void runOpensOnePortOnLoopbackForThePageHealthAndMetricsAndSendOpensNone() throws Exception {
        Properties run = apply("", Map.of(), true, null);
        assertThat(run).containsEntry("camel.server.enabled", "true").containsEntry("camel.management.enabled", "true")
                .containsEntry("camel.server.host", "127.0.0.1").containsEntry("camel.management.host", "127.0.0.1")
                .containsEntry("camel.server.port", "8080").containsEntry("camel.management.port", "8080")
                .containsEntry("camel.management.health-check-enabled", "true")
                .containsEntry("camel.management.metrics-enabled", "true").containsEntry("teams.http.enabled", "true")
                .doesNotContainKey("camel.main.routes-reload-enabled");
        Properties send = apply("", Map.of(), false, null);
        assertThat(send).containsEntry("camel.server.enabled", "false").containsEntry("camel.management.enabled", "false");
    }

    @Test
    void theOperatorChoosesHostPortAndWhetherSendOpensIt() throws Exception {
        Properties p = apply("teams.http.host=0.0.0.0\nteams.http.enabled=true\n", Map.of("TEAMS_HTTP_PORT", "9191"), false, null);
        assertThat(p).containsEntry("camel.server.enabled", "true").containsEntry("camel.server.host", "0.0.0.0")
                .containsEntry("camel.server.port", "9191").containsEntry("camel.management.port", "9191");
    }

    @Test
    void reloadWatchesTheRoutesFolderAndReplacesOnlyTheSavedFile() throws Exception {
        Path routes = Files.createDirectories(config.resolve("routes"));
        Properties p = apply("teams.routes.reload=true\n", Map.of(), true, routes);
        assertThat(p).containsEntry("camel.main.routes-reload-enabled", "true")
                .containsEntry("camel.main.routes-reload-directory", routes.toAbsolutePath().toString())
                .containsEntry("camel.main.routes-reload-pattern", "*.camel.yaml")
                .containsEntry("camel.main.routes-reload-remove-all-routes", "false");
    }

    private Properties apply(String file, Map<String, String> env, boolean service, Path routes) throws Exception {
        Files.writeString(config.resolve("application.properties"), file);
        Properties p = new Properties();
        ObserveSettings.apply(Settings.load(config, env), service, routes, p);
        return p;
    }
}
