package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.pipeline.PipelineFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster mode's settings: off by default, refused with one line on H2, and what the routes read in each mode. */
class ClusterSettingsTest {
    @TempDir
    Path work;

    private Settings settings(Map<String, String> environment) throws Exception {
        return Settings.load(Path.of("config"), environment);
    }

    @Test
    void offByDefaultWithTheLeaseAndAHeartbeat() throws Exception {
        ClusterSettings cluster = ClusterSettings.of(settings(Map.of()), "jdbc:h2:file:./data/ledger");

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cluster.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cluster.instanceId()).endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void onAnH2LedgerItIsRefusedNamingTheSettings() throws Exception {
        Settings on = settings(Map.of("TEAMS_CLUSTER_ENABLED", "true"));

        assertThatThrownBy(() -> ClusterSettings.of(on, "jdbc:h2:file:./data/ledger;PASSWORD=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teams.cluster.enabled=true").hasMessageContaining("teams.ledger.url")
                .hasMessageContaining("jdbc:postgresql://").hasMessageNotContaining("secret");
    }

    @Test
    void aHeartbeatSlowerThanHalfTheLeaseIsRefused() throws Exception {
        Settings slow = settings(Map.of("TEAMS_CLUSTER_ENABLED", "true", "TEAMS_CLUSTER_HEARTBEAT_SECONDS", "40"));

        assertThatThrownBy(() -> ClusterSettings.of(slow, "jdbc:postgresql://db/ledger"))
                .hasMessageContaining("teams.cluster.heartbeat-seconds").hasMessageContaining("teams.run-lease.seconds");
    }

    @Test
    void aHeartbeatThatIsNotANumberIsNamed() throws Exception {
        Settings bad = settings(Map.of("TEAMS_CLUSTER_HEARTBEAT_SECONDS", "often"));

        assertThatThrownBy(() -> ClusterSettings.of(bad, "jdbc:postgresql://db/ledger"))
                .hasMessageContaining("teams.cluster.heartbeat-seconds").hasMessageContaining("'often'");
    }

    @Test
    void theInstanceIdIsTheSettingWhenGiven() throws Exception {
        ClusterSettings cluster = ClusterSettings.of(settings(Map.of("TEAMS_CLUSTER_ENABLED", "true",
                "TEAMS_CLUSTER_INSTANCE_ID", "node-a")), "jdbc:postgresql://db/ledger");

        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.instanceId()).isEqualTo("node-a");
    }

    @Test
    void theRoutesKeepTheirSingleProcessReadLockAloneAndShareTheFileInClusterMode() throws Exception {
        Properties alone = new Properties();
        ClusterSettings.of(settings(Map.of()), "jdbc:h2:mem:x").routeProperties(alone);
        Properties member = new Properties();
        ClusterSettings.of(settings(Map.of("TEAMS_CLUSTER_ENABLED", "true")), "jdbc:postgresql://db/ledger")
                .routeProperties(member);

        assertThat(alone).containsEntry("teams.inbox.read-lock", "changed")
                .containsEntry("teams.inbox.read-lock-marker-file", "true")
                .containsEntry("teams.schedules.misfire-instruction", "1");
        assertThat(member).containsEntry("teams.inbox.read-lock", "idempotent-changed")
                .containsEntry("teams.inbox.read-lock-marker-file", "false")
                .containsEntry("teams.schedules.misfire-instruction", "2");
    }

    @Test
    void theServiceStartsNothingWhenClusterModeMeetsAnH2Ledger() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Files.writeString(config.resolve("application.properties"), "\nteams.cluster.enabled=true\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Application.start(new Application.Options(config, Path.of("routes"),
                TargetResolver.Mode.SANDBOX, null, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teams.cluster.enabled=true");
        assertThat(work.resolve("ledger")).doesNotExist();
    }
}
