package dev.teamsproactive.ledger;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the ledger's schema to the newest version with Flyway, from the ordered
 * {@code db/migration/V<n>__*.sql} resources; a database already at that version is left as it is.
 */
final class LedgerSchema {
    private LedgerSchema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
