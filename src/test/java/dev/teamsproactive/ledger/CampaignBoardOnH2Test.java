package dev.teamsproactive.ledger;

import java.util.UUID;

class CampaignBoardOnH2Test extends CampaignBoardContractTest {
    @Override
    protected String newJdbcUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
