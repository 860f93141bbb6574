package dev.teamsproactive.ledger;

import java.sql.SQLException;
import java.util.Set;

/** Reads SQLStates the same way for H2 and PostgreSQL. */
final class SqlStates {
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * 40001 serialization failure / H2 deadlock, 40P01 PostgreSQL deadlock, HYT00 H2 lock time-out,
     * 90131 H2 concurrent update of one row, 55P03 PostgreSQL lock not available.
     */
    private static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "HYT00", "90131", "55P03");

    private SqlStates() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isLockConflict(SQLException e) {
        return e.getSQLState() != null && LOCK_CONFLICTS.contains(e.getSQLState());
    }
}
