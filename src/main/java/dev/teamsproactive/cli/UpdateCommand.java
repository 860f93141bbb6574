package dev.teamsproactive.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code update CAMPAIGN_ID --template NAME}: replaces every message the campaign delivered with the template. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Replace every message a campaign delivered with another template; report in reports/<campaignId>/update.csv.")
final class UpdateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN_ID", description = "The campaign's id (its folder under reports/).")
    String campaignId;

    @Option(names = "--template", paramLabel = "NAME", required = true,
            description = "Message template in config/messages/; it may use ${recipient} and ${userId}.")
    String template;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call() {
        return FollowUpRun.run(target, campaignId, "update", template);
    }
}
