package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger database that a newer version of the service migrated further than this one knows is refused with the
 * versions named (Flyway alone would ignore such migrations and let this version run on a schema it does not know).
 */
class NewerSchemaTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    @TempDir
    Path work;

    private static void migratedByANewerVersion(Ledger ledger) throws Exception {
        try (Connection c = ledger.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'newer', 1, TRUE)");
            c.commit();
        }
        ledger.close();
    }

    @Test
    void anH2LedgerUpgradedByANewerVersionStartsNothing() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("ledger");
        migratedByANewerVersion(Ledger.open(url, "sa", ""));

        assertThatThrownBy(() -> Ledger.open(url, "sa", "")).isInstanceOf(LedgerException.class)
                .hasMessageContaining("99 (from the future)").hasMessageContaining("newer version")
                .hasMessageContaining("nothing was started");
    }

    @Test
    void aPostgresLedgerUpgradedByANewerVersionStartsNothingAndOneThisVersionKnowsOpens() throws Exception {
        String url = POSTGRES.newDatabase();
        Ledger first = Ledger.open(url, "postgres", "");
        first.close();
        Ledger.open(url, "postgres", "").close();
        migratedByANewerVersion(Ledger.open(url, "postgres", ""));

        assertThatThrownBy(() -> Ledger.open(url, "postgres", "")).isInstanceOf(LedgerException.class)
                .hasMessageContaining("99 (from the future)").hasMessageContaining("this version knows migrations up to");
    }
}
