package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service (`run`) in cluster mode on PostgreSQL, on the real routes/ and config/: it joins the members, answers
 * GET /api/cluster, sends a dropped file's campaign to the end through the shared pacing buckets and the inbox's
 * database read lock, and a second instance with its instance id starts nothing.
 */
class ClusterModeTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    @TempDir
    Path work;

    private Sandbox sandbox;
    private Application app;
    private int port;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0));
        config = PipelineFixture.configIn(work);
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(config.resolve("application.properties"), "\nteams.ledger.url=" + POSTGRES.newDatabase()
                + "\nteams.ledger.user=postgres\nteams.cluster.enabled=true\nteams.cluster.instance-id=node-a"
                + "\nteams.cluster.heartbeat-seconds=1\nteams.run-lease.seconds=5"
                + "\nteams.http.enabled=true\nteams.http.port=" + port + "\n", StandardOpenOption.APPEND);
        app = startService();
    }

    private Application startService() throws Exception {
        return Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX_URL,
                sandbox.url(), true));
    }

    @AfterEach
    void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            sandbox.close();
        }
    }

    private JsonNode cluster() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + ClusterApi.PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void aDroppedFileIsSentToTheEndAndTheMemberIsListed() throws Exception {
        JsonNode members = cluster();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("instanceId").asText()).isEqualTo("node-a");
        assertThat(members.get(0).has("lastHeartbeat")).isTrue();

        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("welcome.csv"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(inbox.resolve(".done/welcome.csv")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(inbox.resolve(".done/welcome.csv")).exists();
        try (Connection c = app.ledger().dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM deliveries WHERE status = 'SENT'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(8);
            }
            // The shared buckets the calls took their permits from, and the file's lock given back.
            try (ResultSet r = s.executeQuery("SELECT id FROM pacing_buckets ORDER BY id")) {
                java.util.List<String> buckets = new java.util.ArrayList<>();
                while (r.next()) {
                    buckets.add(r.getString(1));
                }
                assertThat(buckets).contains("bot-sends:10/200ms");
            }
            c.rollback();
        }
        // The file's lock is given back a few seconds after the file moved (routes/1-inbox).
        long released = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (lockedFiles() > 0 && System.nanoTime() < released) {
            Thread.sleep(200);
        }
        assertThat(lockedFiles()).isZero();
        assertThat(cluster().get(0).get("campaigns")).isEmpty();
    }

    private int lockedFiles() throws Exception {
        try (Connection c = app.ledger().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM camel_messageprocessed")) {
            r.next();
            int n = r.getInt(1);
            c.rollback();
            return n;
        }
    }

    private String status(String campaignId) throws Exception {
        try (Connection c = app.ledger().dataSource().getConnection();
                java.sql.PreparedStatement select = c.prepareStatement("SELECT status FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet r = select.executeQuery()) {
                String status = r.next() ? r.getString(1) : null;
                c.rollback();
                return status;
            }
        }
    }

    private String awaitFinishedFiring() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = app.ledger().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id FROM campaigns WHERE id LIKE 'weekly-%' AND status = 'FINISHED'")) {
                String id = r.next() ? r.getString(1) : null;
                c.rollback();
                if (id != null) {
                    return id;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the missed firing did not finish");
    }

    @Test
    void aFiringWhoseMemberDiedIsResumedByAnotherMember() throws Exception {
        app.close();
        app = null;
        Path campaigns = Files.createDirectories(work.resolve("campaigns"));
        Files.writeString(campaigns.resolve("weekly.yaml"), """
                name: weekly
                cron: "0 0 9 ? * MON"
                timeZone: UTC
                audience:
                  group: 030eb94f-70e4-5632-925b-849673335bab
                """);
        Files.writeString(config.resolve("application.properties"),
                "\nteams.campaigns.misfire-grace=P8D\nteams.campaigns.reload-ms=200\n", StandardOpenOption.APPEND);
        app = startService();
        // At start, the firing missed within the grace runs (the misfire policy).
        String firing = awaitFinishedFiring();
        long delivered = sandbox.tenant().deliveries().count();

        // As if the member running it had died: RUNNING, its lease lapsed.
        try (Connection c = app.ledger().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE campaigns SET status = 'RUNNING' WHERE id = '" + firing + "'");
            c.commit();
        }
        assertThat(app.ledger().takeLease(firing, "gone-host/1/1/run", java.time.Instant.now().minusSeconds(1),
                owner -> true).taken()).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"FINISHED".equals(status(firing)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status(firing)).isEqualTo("FINISHED");
        assertThat(sandbox.tenant().deliveries().count()).isEqualTo(delivered);
    }

    @Test
    void aSecondInstanceWithTheSameInstanceIdStartsNothing() {
        assertThatThrownBy(this::startService).hasMessageContaining("teams.cluster.instance-id=node-a");
    }
}
