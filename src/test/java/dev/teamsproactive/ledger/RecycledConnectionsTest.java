package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool retires its connections (HikariCP's maximum lifetime, 30 minutes by default); the ledger must keep
 * writing on the new ones. On H2 2.4.240 a table's CHECK constraint stayed tied to the session that created it, so
 * once the connection that ran the migrations was retired every insert failed. Evicting every pooled connection
 * reproduces that half hour at once.
 */
class RecycledConnectionsTest {
    @TempDir
    Path folder;

    @Test
    void aFileLedgerKeepsWritingAfterEveryPooledConnectionWasReplaced() {
        try (Ledger ledger = Ledger.open("jdbc:h2:file:" + folder.resolve("ledger") + ";AUTO_SERVER=FALSE", "sa", "")) {
            assertThat(ledger.registerCampaign("before-recycling", "inbox/a.csv", "default", 1).isNew()).isTrue();

            recycleEveryConnection(ledger);

            assertThat(ledger.registerCampaign("after-recycling", "inbox/b.csv", "default", 1).isNew()).isTrue();
            ledger.setTotal("after-recycling", 2);
            assertThat(ledger.findCampaign("after-recycling")).get().extracting(Campaign::total).isEqualTo(2L);
        }
    }

    /** Soft eviction closes idle connections now and busy ones when they are returned: the pool opens new ones. */
    static void recycleEveryConnection(Ledger ledger) {
        ((HikariDataSource) ledger.dataSource()).getHikariPoolMXBean().softEvictConnections();
    }
}
