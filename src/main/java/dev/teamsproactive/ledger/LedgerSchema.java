package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings the ledger's schema to the newest version with Flyway, from the ordered
 * {@code db/migration/V<n>__*.sql} resources; a database already at that version is left as it is. A PostgreSQL
 * ledger also gets {@code db/postgresql/} (the tables several instances share in cluster mode). A database that a
 * newer version of the service has migrated further than this one knows is refused, naming the versions: this
 * version would not know what those migrations mean (Flyway on its own ignores such "future" migrations).
 */
final class LedgerSchema {
    private LedgerSchema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations(dataSource))
                .failOnMissingLocations(true)
                .load();
        refuseNewerSchema(flyway);
        flyway.migrate();
    }

    private static void refuseNewerSchema(Flyway flyway) {
        List<MigrationInfo> future = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!future.isEmpty()) {
            String newer = future.stream().map(m -> m.getVersion() + " (" + m.getDescription() + ")")
                    .collect(Collectors.joining(", "));
            throw new LedgerException("The ledger database was upgraded by a newer version of teams-proactive: it has"
                    + " migration " + newer + ", and this version knows migrations up to "
                    + highestKnown(flyway) + ". Run the newer version (every instance sharing this database"
                    + " must run the same version); nothing was started.");
        }
    }

    private static String highestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(v -> v != null).max(Comparable::compareTo)
                .map(Object::toString).orElse("none");
    }

    private static String[] locations(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            return postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                    : new String[] {"classpath:db/migration"};
        } catch (SQLException e) {
            throw new LedgerException("The ledger database cannot be reached: " + e.getMessage(), e);
        }
    }
}
