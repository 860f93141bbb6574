package dev.teamsproactive.ledger;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The crash-safety contract on a real PostgreSQL 16 server started inside the test JVM. */
class PostgresCrashSafetyTest extends CrashSafetyContractTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    @Override
    protected String newJdbcUrl() {
        return POSTGRES.newDatabase();
    }
}
