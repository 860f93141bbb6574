package dev.teamsproactive.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code recall CAMPAIGN_ID}: deletes every message the campaign delivered (the ledger's activity ids). */
@Command(name = "recall", mixinStandardHelpOptions = true,
        description = "Delete every message a campaign delivered; report in reports/<campaignId>/recall.csv.")
final class RecallCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN_ID", description = "The campaign's id (its folder under reports/).")
    String campaignId;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call() {
        return FollowUpRun.run(target, campaignId, "recall", null);
    }
}
