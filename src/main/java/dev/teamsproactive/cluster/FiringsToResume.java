package dev.teamsproactive.cluster;

import dev.teamsproactive.campaigns.CampaignDefinition;
import dev.teamsproactive.campaigns.FiringIds;
import dev.teamsproactive.campaigns.MisfirePolicy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Cluster mode: the firings of a scheduled campaign that a member must run again because the member Quartz handed
 * them to stopped or died before they ended. Quartz fires each time on one member only, so nobody else would. Every
 * firing within the misfire grace is looked at, not only the latest (with a cron every few seconds, a later firing
 * has always run meanwhile):
 * <ul>
 * <li>one the ledger holds RUNNING with no live run holding its lease (its run stopped, or died and its lease
 * lapsed);</li>
 * <li>one the ledger does not know at all a lease after its time, although this member was firing schedules then:
 * the member it was handed to stopped before the firing reached the ledger. (Firings due while no member ran are the
 * misfire policy's, as for one instance.)</li>
 * </ul>
 * Running one twice is harmless (the firing id is one campaign; its lease lets one run send, and rows already final
 * are not sent again), so this errs on the side of running.
 */
public final class FiringsToResume {
    private final DataSource db;
    private final Duration grace;
    private final Duration lease;
    /** Leases are judged on this member's clock, as the ledger judges them when a run takes one. */
    private final Clock clock = Clock.systemUTC();
    /** Since when this member fires schedules: firings from then on were due while the cluster ran. */
    private final Instant firingSince;

    /** @param firingSince when this member started (it fires schedules from then on) */
    public FiringsToResume(DataSource db, Duration grace, Duration lease, Instant firingSince) {
        this.db = db;
        this.grace = grace;
        this.lease = lease;
        this.firingSince = firingSince;
    }

    /** The campaign's firings to run again now, oldest first. */
    public List<Instant> of(CampaignDefinition campaign, Instant now) {
        List<Instant> resume = new ArrayList<>();
        if (!campaign.enabled() || grace.isZero() || grace.isNegative()) {
            return resume;
        }
        Map<String, Instant> byId = new HashMap<>();
        for (Instant at : MisfirePolicy.scheduledTimes(campaign, now.minus(grace), now)) {
            if (campaign.activeAt(at)) {
                byId.put(FiringIds.of(campaign, at), at);
            }
        }
        if (byId.isEmpty()) {
            return resume;
        }
        Map<String, Boolean> interrupted = known(byId.keySet().toArray(String[]::new), clock.instant());
        Instant lostBefore = now.minus(lease);
        byId.forEach((id, at) -> {
            Boolean known = interrupted.get(id);
            boolean lost = known == null && !at.isBefore(firingSince) && !at.isAfter(lostBefore);
            if (Boolean.TRUE.equals(known) || lost) {
                resume.add(at);
            }
        });
        resume.sort(null);
        return resume;
    }

    /** Firing id → whether it is interrupted (RUNNING, no live lease), for the ids the ledger knows. */
    private Map<String, Boolean> known(String[] ids, Instant now) {
        Map<String, Boolean> known = new HashMap<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            Array idArray = c.createArrayOf("varchar", ids);
            try (PreparedStatement select = c.prepareStatement("SELECT id, status = 'RUNNING' AND (lease_owner IS NULL"
                    + " OR lease_expires_at IS NULL OR lease_expires_at <= ?) FROM campaigns WHERE id = ANY (?)")) {
                select.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                select.setArray(2, idArray);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        known.put(rows.getString(1), rows.getBoolean(2));
                    }
                }
            } finally {
                idArray.free();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaigns: " + e.getMessage(), e);
        }
        return known;
    }
}
