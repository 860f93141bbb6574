package dev.teamsproactive.campaigns;

import dev.teamsproactive.ledger.Campaign;
import dev.teamsproactive.ledger.CampaignRegistration;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says plainly when a campaign that is starting is one the ledger already finished (the same file with the same
 * template): nobody is sent to twice, so without this line nothing would seem to happen.
 */
final class RepeatedCampaigns {
    private static final Logger LOG = LoggerFactory.getLogger(RepeatedCampaigns.class);

    private RepeatedCampaigns() {
    }

    static void tell(Exchange exchange, CampaignRegistration registration) {
        // A resend reopens the rows it was asked for after this: it does send something.
        if (registration.isNew() || !registration.progress().isComplete() || exchange.getProperty(Props.RESEND) != null) {
            return;
        }
        Campaign earlier = registration.campaign();
        LOG.warn("Campaign {} was already sent (started {}, template {}, {} sent): nobody gets it twice, so nothing is"
                + " sent now. To send the same file with another template, drop it in inbox/<template>/ or use"
                + " --template; to send again who failed, use resend {}", earlier.id(), earlier.startedAt(),
                earlier.template(), registration.progress().sent(), earlier.id());
    }
}
