package dev.teamsproactive.observe;

import dev.teamsproactive.ledger.WriteProbe;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness: the ledger answers within a few seconds and takes a write (no ledger, no sending: every outcome goes
 * there). A ledger that answers queries but refuses inserts is not ready either.
 */
final class LedgerHealthCheck extends ReadinessCheck {
    private static final int TIMEOUT_SECONDS = 3;
    private final DataSource ledger;

    LedgerHealthCheck(DataSource ledger) {
        super("ledger");
        this.ledger = ledger;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = ledger.getConnection()) {
            if (!c.isValid(TIMEOUT_SECONDS)) {
                builder.message("The ledger did not answer within " + TIMEOUT_SECONDS + " s").down();
                return;
            }
        } catch (Exception e) {
            builder.message("The ledger is unreachable: " + e.getMessage()).error(e).down();
            return;
        }
        try {
            WriteProbe.run(ledger);
            builder.up();
        } catch (Exception e) {
            builder.message("The ledger cannot record: " + e.getMessage()).error(e).down();
        }
    }
}
