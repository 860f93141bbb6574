package dev.teamsproactive.safety;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.RunLease;
import dev.teamsproactive.props.Props;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per campaign at a time: the campaign route takes the campaign's lease in the ledger before
 * sending anything, renews it while it runs, and gives it back when the campaign's exchange is done. Only
 * the holder may mark a row SENDING ({@link SendGuard}). A lease left by a run that died is taken over
 * once it lapses, or at once when its process on this host is gone; taking it marks the rows that run left
 * SENDING as IN_DOUBT.
 */
public final class RunLeases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

    private final Ledger ledger;
    private final Duration duration;
    private final Clock clock = Clock.systemUTC();
    /** campaign id → the owner id of this process's run of it. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final Map<String, String> busyLogged = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    public RunLeases(Ledger ledger, Duration duration) {
        this.ledger = ledger;
        this.duration = duration;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, duration.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** What the lease owner ids of this process's runs start with (host/pid/start-millis), a prefix of each. */
    public static String ownerPrefixOfThisProcess() {
        return ProcessIdentity.thisProcess();
    }

    /** Takes the lease of the exchange's campaign, or postpones the campaign when another run holds it. */
    public void take(Exchange exchange) {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        String owner = ProcessIdentity.newRun();
        RunLease lease = ledger.takeLease(campaignId, owner, expiry(), ProcessIdentity::isGone);
        if (!lease.taken()) {
            String message = "Campaign " + campaignId + " is being sent by another run (" + lease.holder()
                    + ", lease until " + lease.expiresAt() + "); it is taken up again once that run ends";
            // (A holder that let go meanwhile is named null: a map cannot hold it, so say it as text.)
            String holder = String.valueOf(lease.holder());
            if (!holder.equals(busyLogged.put(campaignId, holder))) {
                LOG.info(message);
            }
            throw new CampaignPostponedException(message);
        }
        busyLogged.remove(campaignId);
        held.put(campaignId, owner);
        exchange.setProperty(Props.RUN_LEASE, owner);
        if (lease.markedInDoubt() > 0) {
            LOG.warn("Campaign {}: {} recipients were being sent when an earlier run stopped without recording the answer;"
                    + " they are IN_DOUBT and not sent again (resend {} --status IN_DOUBT sends them once more)",
                    campaignId, lease.markedInDoubt(), campaignId);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                held.remove(campaignId, owner);
                ledger.releaseLease(campaignId, owner);
            }
        });
    }

    /**
     * Before the report: this run must still hold the campaign's lease. One that lost it (it stalled for longer than
     * the lease, and another run took the campaign over) is postponed instead, so the campaign gets one report, from
     * the run that finishes it.
     */
    public void checkStillHeld(Exchange exchange) {
        String campaignId = exchange.getProperty(Props.CAMPAIGN_ID, String.class);
        String owner = exchange.getProperty(Props.RUN_LEASE, String.class);
        if (owner != null && !ledger.renewLease(campaignId, owner, expiry())) {
            held.remove(campaignId, owner);
            throw new CampaignPostponedException("Campaign " + campaignId + ": this run lost its lease to another run,"
                    + " which finishes the campaign and writes its report");
        }
    }

    private Instant expiry() {
        return clock.instant().plus(duration);
    }

    private void renewAll() {
        held.forEach((campaignId, owner) -> {
            try {
                if (!ledger.renewLease(campaignId, owner, expiry())) {
                    held.remove(campaignId, owner);
                    LOG.error("Campaign {}: this run lost its lease (it was stalled for longer than {}); another run"
                            + " has taken the campaign over, and this one sends nothing more", campaignId, duration);
                }
            } catch (RuntimeException e) {
                LOG.warn("Campaign {}: renewing the run lease failed; trying again shortly: {}", campaignId, e.toString());
            }
        });
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
