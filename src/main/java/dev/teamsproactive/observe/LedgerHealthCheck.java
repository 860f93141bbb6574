package dev.teamsproactive.observe;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the ledger answers a query within a few seconds (no ledger, no sending: every outcome goes there). */
final class LedgerHealthCheck extends AbstractHealthCheck {
    private static final int TIMEOUT_SECONDS = 3;
    private final DataSource ledger;

    LedgerHealthCheck(DataSource ledger) {
        super("teams", "ledger");
        this.ledger = ledger;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = ledger.getConnection()) {
            if (c.isValid(TIMEOUT_SECONDS)) {
                builder.up();
            } else {
                builder.message("The ledger did not answer within " + TIMEOUT_SECONDS + " s").down();
            }
        } catch (Exception e) {
            builder.message("The ledger is unreachable: " + e.getMessage()).error(e).down();
        }
    }
}
