package dev.teamsproactive.cli;

import dev.teamsproactive.campaigns.Reminders;
import dev.teamsproactive.props.Props;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code remind CAMPAIGN_ID}: once more to the campaign's SENT recipients who have not answered, as a campaign of its
 * own ({@code <campaignId>.reminder-1}); run again, it messages nobody twice. Exit codes as {@code send}.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = "Send once more to a campaign's SENT recipients who have not answered; report in"
                + " reports/<campaignId>.reminder-<n>/.")
final class RemindCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN_ID", description = "The campaign (its folder name under reports/).")
    String campaignId;

    @Option(names = "--template", paramLabel = "NAME", description = "Message template in config/messages/ (default: the campaign's own).")
    String template;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    CampaignFileOption file = new CampaignFileOption();

    @Option(names = "--round", paramLabel = "N", defaultValue = "1",
            description = "Which reminder (default 1): the same round run again sends nobody anything twice; 2 is a second reminder.")
    int round;

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Props.CAMPAIGN_ID, campaignId);
        properties.put(Props.TEMPLATE, template == null ? "" : template);
        properties.put(Reminders.ROUND, round);
        if (file.file != null) {
            properties.put(Reminders.GIVEN_FILE, file.file.toAbsolutePath().toString());
        }
        return FollowUpRun.run(target, "direct:reminder", properties, "reminder");
    }
}
