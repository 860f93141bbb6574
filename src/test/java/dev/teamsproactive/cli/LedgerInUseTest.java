package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * H2's "Database may be already in use … server mode", met when the service's HTTP port is closed (so {@code send}
 * cannot hand its file over), becomes a plain message: what holds the ledger and what to do.
 */
class LedgerInUseTest {
    @Test
    void h2sLockedFileIsExplainedWithWhatToDo() {
        SQLException h2 = new SQLException("Database may be already in use: \"/work/data/ledger.mv.db\". Possible"
                + " solutions: close all other connection(s); use the server mode [90020-232]", "90020", 90020);

        assertThat(LedgerInUse.explain(new IllegalStateException("cannot open the ledger", h2))).hasValueSatisfying(m ->
                assertThat(m).contains("open in another process").contains("inbox/").contains("PostgreSQL")
                        .doesNotContain("server mode"));
        assertThat(LedgerInUse.explain(new IllegalStateException("something else"))).isEmpty();
    }
}
