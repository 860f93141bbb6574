package dev.teamsproactive.ledger;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real PostgreSQL 16 server started inside the test JVM (shared with the ledger's own tests). */
class CampaignBoardOnPostgresTest extends CampaignBoardContractTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    @Override
    protected String newJdbcUrl() {
        return POSTGRES.newDatabase();
    }
}
