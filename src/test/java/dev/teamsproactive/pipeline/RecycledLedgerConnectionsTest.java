package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that has run for longer than its pool's connection lifetime (30 minutes) still records campaigns: the
 * default H2 ledger is created on a fresh file, every pooled connection is then replaced, and the next campaign
 * still gets its rows and report.
 */
class RecycledLedgerConnectionsTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theNextCampaignStillRecordsAfterEveryLedgerConnectionWasReplaced() throws Exception {
        JsonNode first = fixture.sendOk(Files.copy(Path.of("examples/recipients.csv"), work.resolve("first.csv")));

        JsonNode next;
        HikariDataSource pool = (HikariDataSource) fixture.app.ledger().dataSource();
        // The pool retires its connections one by one, so the database itself stays open all along: this connection
        // (outside the pool) keeps it open while every pooled one, the one that created the tables included, goes.
        try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(pool.getJdbcUrl(), "sa", "")) {
            pool.getHikariPoolMXBean().softEvictConnections();

            Path second = work.resolve("second.csv");
            Files.writeString(second, "id,name\n1569d944-27fd-5601-9416-3e3519eef744,Ada\n");
            next = fixture.sendOk(second);
        }

        assertThat(first.get("sent").asInt()).isEqualTo(8);
        assertThat(next.get("total").asInt()).isEqualTo(1);
        assertThat(next.get("sent").asInt()).isEqualTo(1);
        assertThat(fixture.app.ledger().findCampaign(next.get("campaignId").asText())).isPresent();
    }
}
