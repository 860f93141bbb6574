package dev.teamsproactive.cli;

import java.util.Optional;

/**
 * H2's "Database may be already in use … server mode" said plainly: another process (a running service whose
 * HTTP port is closed, or another command) has the embedded ledger open, and what to do about it.
 */
final class LedgerInUse {
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private LedgerInUse() {
    }

    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean locked = t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                    || t.getMessage() != null && t.getMessage().contains("Database may be already in use");
            if (locked) {
                return Optional.of("The ledger is open in another process (another `run` or command on this folder's"
                        + " data/ledger), and an embedded H2 ledger is one process's at a time. Drop the file into that"
                        + " service's inbox/ instead (`send` does it for you when the service's HTTP port is open:"
                        + " teams.http.enabled), wait for the other command to end, or use a PostgreSQL ledger"
                        + " (teams.ledger.url) to share it.");
            }
        }
        return Optional.empty();
    }
}
