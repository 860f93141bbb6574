package dev.teamsproactive.ledger;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The ledger contract on a real PostgreSQL 16 server started inside the test JVM. */
class PostgresLedgerTest extends LedgerContractTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    @Override
    protected String newJdbcUrl() {
        return POSTGRES.newDatabase();
    }
}
