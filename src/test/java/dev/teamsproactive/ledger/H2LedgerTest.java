package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on its default database: H2 in file mode. */
class H2LedgerTest extends LedgerContractTest {
    @TempDir
    Path folder;

    private int databases;

    @Override
    protected String newJdbcUrl() {
        return "jdbc:h2:file:" + folder.resolve("ledger-" + ++databases) + ";AUTO_SERVER=FALSE";
    }

    @Test
    void databasesOtherThanH2AndPostgresqlAreRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> Ledger.open("jdbc:mysql://db/ledger?password=hunter2", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Ledger.open("postgres://ledger:hunter2@db/ledger", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }
}
