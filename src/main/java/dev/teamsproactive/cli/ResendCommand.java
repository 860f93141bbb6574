package dev.teamsproactive.cli;

import dev.teamsproactive.ledger.Campaign;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.safety.CampaignFiles;
import dev.teamsproactive.safety.Resends;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resend CAMPAIGN_ID}: a campaign's FAILED (and, when asked, IN_DOUBT) recipients once more, through the
 * same routes, as a new attempt recorded in the same report. Prints the campaign summary as the last line of
 * standard output; exits 0 when the resend ran to the end, 2 when the campaign or its file cannot be found,
 * 1 on any other failure.
 */
@Command(name = "resend", mixinStandardHelpOptions = true,
        description = "Send a campaign's FAILED (or IN_DOUBT) recipients once more, as a new attempt in the same report.")
final class ResendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CAMPAIGN_ID", description = "The campaign (its folder name under reports/).")
    String campaignId;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "FAILED, IN_DOUBT or both (default: FAILED). An IN_DOUBT message may have arrived already:"
                    + " resending it may give that person a second one.")
    List<DeliveryStatus> statuses = List.of(DeliveryStatus.FAILED);

    @Option(names = "--code", split = ",", paramLabel = "CODE",
            description = "Only rows with one of these codes, e.g. 503,502,ServiceError (default: any code).")
    List<String> codes = List.of();

    @Mixin
    CampaignFileOption file = new CampaignFileOption();

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call() {
        for (DeliveryStatus status : statuses) {
            if (status != DeliveryStatus.FAILED && status != DeliveryStatus.IN_DOUBT) {
                System.err.println("--status: only FAILED and IN_DOUBT recipients are sent again, not " + status);
                return SendCommand.REJECTED;
            }
        }
        return ApplicationRun.run(target, "resend", app -> {
            Optional<Campaign> campaign = app.ledger().findCampaign(campaignId);
            if (campaign.isEmpty()) {
                System.err.println("No campaign " + campaignId + " in the ledger");
                return SendCommand.REJECTED;
            }
            Path recipients = CampaignFiles.locate(campaignId, campaign.get().source(), campaign.get().template(), file.file,
                    app.inbox());
            Resends.Request request = new Resends.Request(EnumSet.copyOf(statuses), new LinkedHashSet<>(codes));
            Map<String, Object> properties = new HashMap<>();
            properties.put(Props.CAMPAIGN_FILE, recipients.toAbsolutePath().toString());
            properties.put(Props.SOURCE, campaign.get().source());
            properties.put(Props.TEMPLATE, campaign.get().template());
            properties.put(Props.RESEND, request);
            Exchange result = app.call("direct:campaign", properties);
            System.out.println("Sent again: " + result.getProperty(Props.RESENT, 0, Integer.class) + " recipients");
            System.out.println(result.getMessage().getBody(String.class));
            return 0;
        });
    }
}
