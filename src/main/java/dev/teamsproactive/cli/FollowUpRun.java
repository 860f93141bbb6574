package dev.teamsproactive.cli;

import dev.teamsproactive.followups.FollowUps;
import dev.teamsproactive.props.Props;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Runs routes/7-follow-ups.camel.yaml for one campaign, as {@code recall}, {@code update} and {@code remind} do: prints the summary
 * as the last line of standard output; exits 0 when every message was worked on (whatever each outcome), 2 when
 * the campaign is unknown or the template unusable (nothing changed), 1 on any other failure.
 */
final class FollowUpRun {
    private FollowUpRun() {
    }

    static int run(TargetOptions target, String campaignId, String action, String template) {
        // The template is null for a recall, which Map.of refuses.
        Map<String, Object> properties = new HashMap<>();
        properties.put(Props.CAMPAIGN_ID, campaignId);
        properties.put(FollowUps.ACTION, action);
        properties.put(Props.TEMPLATE, template);
        return run(target, "direct:follow-up", properties, action);
    }

    /** Calls {@code route} with these exchange properties, and prints the body (the summary) as the last line. */
    static int run(TargetOptions target, String route, Map<String, Object> properties, String action) {
        return ApplicationRun.run(target, action, app -> {
            Exchange result = app.call(route, properties);
            System.out.println(result.getMessage().getBody(String.class));
            return 0;
        });
    }
}
