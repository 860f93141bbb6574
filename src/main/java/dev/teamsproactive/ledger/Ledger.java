package dev.teamsproactive.ledger;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The campaign ledger: campaigns, one delivery row per recipient row, the users each campaign has
 * claimed, and the conversation cache, in a SQL database (embedded H2 by default, PostgreSQL when
 * configured). Safe to call from many route threads at once: each method is one short transaction (the
 * per-recipient writes share commits with other threads', see {@link GroupCommit}), and every "who was first"
 * question (same file twice, same user twice, last recipient finishing the campaign) is settled by the
 * database's keys and row locks, not by Java locks. This is the ledger's one door: each job is a class of its own
 * behind it (CampaignRecords, RowClaims, OutcomeWrites, CampaignLeases, and a class per table).
 */
public final class Ledger implements AutoCloseable {
    /** The code of a row marked IN_DOUBT because the run posting it died. */
    public static final String IN_DOUBT_CODE = "SendInterrupted";

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final Transactions transactions;
    /** The per-recipient writes, sharing commits (see {@link GroupCommit}). */
    private final GroupCommit grouped;
    private final Clock clock;
    private final RowClaims rowClaims;
    private final OutcomeWrites outcomeWrites;
    private final CampaignLeases leases;
    private final CampaignRecords campaigns;

    private Ledger(DataSource dataSource, AutoCloseable ownedPool, Clock clock) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.transactions = new Transactions(dataSource);
        this.grouped = new GroupCommit(transactions);
        this.clock = clock;
        this.rowClaims = new RowClaims(transactions, grouped, this::now);
        this.outcomeWrites = new OutcomeWrites(grouped, this::now);
        this.leases = new CampaignLeases(transactions, this::now);
        this.campaigns = new CampaignRecords(transactions, this::now);
    }

    /**
     * Opens (and creates or upgrades the schema of) the ledger at a JDBC URL: {@code jdbc:h2:…} or
     * {@code jdbc:postgresql:…} (teams.ledger.url).
     */
    public static Ledger open(String jdbcUrl, String user, String password) {
        HikariDataSource pool = LedgerDataSource.openMigrated(jdbcUrl, user, password);
        return new Ledger(pool, pool, Clock.systemUTC());
    }

    /** A ledger over a data source someone else owns (closing the ledger leaves it open). */
    public static Ledger over(DataSource dataSource) {
        LedgerSchema.migrate(dataSource);
        return new Ledger(dataSource, null, Clock.systemUTC());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    // ---- campaigns ------------------------------------------------------------------------------

    /**
     * Records a campaign, or finds it when its id is already known (the same source again).
     *
     * @param id    a {@link CampaignIds} id
     * @param total how many recipient rows it has (see {@link #setTotal} when that is known later)
     */
    public CampaignRegistration registerCampaign(String id, String source, String template, long total) {
        return campaigns.register(id, source, template, total);
    }

    /**
     * How long runs worked on the campaign up to {@code until}: the sum of their intervals, without the downtime
     * between a stop and the next start; null when no run took its lease (then the caller counts from its start).
     */
    public Long runMillis(String campaignId, Instant until) {
        return transactions.read(c -> CampaignsTable.runMillis(c, campaignId, until));
    }

    /** The campaign as a whole failed: FAILED with its reason, no longer RUNNING. False when it was not RUNNING. */
    public boolean failCampaign(String campaignId, String reason) {
        return transactions.run(c -> CampaignsTable.fail(c, campaignId, reason, now()));
    }

    public Optional<Campaign> findCampaign(String campaignId) {
        return transactions.read(c -> CampaignsTable.find(c, campaignId));
    }

    /** Sets the number of recipient rows, for a source whose size is known only once split. */
    public void setTotal(String campaignId, long total) {
        campaigns.setTotal(campaignId, total);
    }

    /** Adds to the count of 429 answers the campaign met. */
    public void addThrottled(String campaignId, long n) {
        campaigns.addThrottled(campaignId, n);
    }

    public Progress progress(String campaignId) {
        return campaigns.progress(campaignId);
    }

    /** True once every recipient row has a final status (one row read, cheap to ask per recipient). */
    public boolean isComplete(String campaignId) {
        return transactions.read(c -> CampaignsTable.isComplete(c, campaignId));
    }

    /**
     * Marks the campaign FINISHED. Returns true only for the one caller that changed it, so when
     * several last recipients finish at once exactly one of them writes the report.
     */
    public boolean finishCampaign(String campaignId) {
        return transactions.run(c -> CampaignsTable.finish(c, campaignId, now()));
    }

    /** How often each code occurs among the final rows that were not SENT ("byCode" of the summary). */
    public Map<String, Long> failureCodes(String campaignId) {
        return transactions.read(c -> DeliveriesTable.countFailureCodes(c, campaignId));
    }

    // ---- recipient rows -------------------------------------------------------------------------

    /**
     * Claims one recipient row (its line in the source) before anything is sent for it.
     * {@link RowClaim#claimed()} tells whether to go on.
     */
    public RowClaim claimRow(String campaignId, int line, String recipient) {
        return rowClaims.claimRow(campaignId, line, recipient);
    }

    /**
     * Records the user a claimed row resolved to and claims that user for this line, so the user is
     * messaged at most once per campaign however many rows name them.
     */
    public UserClaim claimUser(String campaignId, int line, String userId) {
        return rowClaims.claimUser(campaignId, line, userId);
    }

    /** Writes a row's final status. A SENT row keeps SENT whatever comes later. */
    public void recordOutcome(Outcome outcome) {
        recordOutcomes(List.of(outcome));
    }

    /** Writes many final statuses in one transaction (one JDBC batch in the usual case). */
    public void recordOutcomes(List<Outcome> outcomes) {
        outcomeWrites.record(outcomes);
    }

    /** An insert into a capability's own table, on the ledger's connection. */
    @FunctionalInterface
    public interface Insert {
        void apply(Connection connection) throws SQLException;
    }

    /**
     * A first-wins insert into a capability's own table (the answers' responses): it shares a commit with the other
     * callers' writes (group commit) and returns once committed and durable, as the per-recipient writes do.
     *
     * @return false when a row with its key was there first (nothing written)
     */
    public boolean insertFirst(Insert insert) {
        return grouped.runFirst(c -> {
            insert.apply(c);
            return Boolean.TRUE;
        });
    }

    /**
     * Streams a campaign's rows in line order to {@code consumer}, a page at a time (never the
     * whole campaign in memory). The consumer runs inside a read transaction: keep it to writing.
     */
    public void forEachDelivery(String campaignId, Consumer<DeliveryRow> consumer) {
        transactions.read(c -> {
            DeliveriesTable.forEach(c, campaignId, consumer);
            return null;
        });
    }

    // ---- crash safety: the run lease, SENDING rows, resends -----------------------------------------

    /**
     * Takes the campaign's run lease for {@code owner} until {@code expiresAt}: when nobody holds it, the owner
     * holds it already, the holder's lease lapsed, or {@code holderGone} says the holder's process is gone.
     * Taking it marks every row a dead run left SENDING as IN_DOUBT (code {@value #IN_DOUBT_CODE}), in the
     * same transaction: no run is posting them any more, and whether their message arrived is unknown.
     */
    public RunLease takeLease(String campaignId, String owner, Instant expiresAt, Predicate<String> holderGone) {
        return leases.take(campaignId, owner, expiresAt, holderGone);
    }

    /**
     * Whether the campaign is RUNNING with no live run holding it: its lease given back (a run that stopped) or
     * lapsed (a run that died). False for a campaign not registered, or no longer running.
     */
    public boolean interrupted(String campaignId) {
        return leases.interrupted(campaignId);
    }

    /** Extends a lease this owner holds; false when it lost it (another run took the campaign over). */
    public boolean renewLease(String campaignId, String owner, Instant expiresAt) {
        return transactions.run(c -> LeaseTable.replace(c, campaignId, owner, owner, expiresAt));
    }

    /**
     * Gives the lease back, so the next run (a restart, a resend) takes the campaign at once. The expiry stays, set to
     * now: a campaign still RUNNING whose lease has lapsed is one no live run holds (the status page says INTERRUPTED).
     */
    public void releaseLease(String campaignId, String owner) {
        leases.release(campaignId, owner);
    }

    /**
     * Marks a claimed row SENDING just before its message is posted: true only for the one caller that may
     * post it (the row was PENDING and {@code leaseOwner} holds the campaign). A run that dies before
     * {@link #recordOutcome} leaves the row SENDING, and the next run marks it IN_DOUBT.
     *
     * @param attempts the sends tried for this row, this one included
     */
    public boolean markSending(String campaignId, int line, String leaseOwner, int attempts) {
        return grouped.run(c -> DeliveriesTable.markSending(c, campaignId, line, leaseOwner, attempts, now()));
    }

    /**
     * Makes the campaign's final rows of {@code statuses} (FAILED, IN_DOUBT; and of {@code codes}, unless
     * empty) PENDING again so the next run sends them once more, and the campaign RUNNING. Only the holder
     * of the campaign's lease may do it. Returns how many rows were reopened.
     */
    public int reopen(String campaignId, String leaseOwner, Set<DeliveryStatus> statuses, Set<String> codes) {
        return leases.reopen(campaignId, leaseOwner, statuses, codes);
    }

    // ---- conversation cache ---------------------------------------------------------------------

    public Optional<CachedConversation> findConversation(String tenantId, String userId) {
        return transactions.read(c -> ConversationCacheTable.find(c, tenantId, userId));
    }

    /** Remembers (or replaces) a user's conversation with the bot. */
    public CachedConversation saveConversation(String tenantId, String userId, String installationId, String chatId,
            String serviceUrl) {
        return rowClaims.saveConversation(tenantId, userId, installationId, chatId, serviceUrl);
    }

    /** Forgets a conversation that stopped working (the app was uninstalled, the chat is gone). */
    public boolean forgetConversation(String tenantId, String userId) {
        return transactions.run(c -> ConversationCacheTable.delete(c, tenantId, userId));
    }

    // ---------------------------------------------------------------------------------------------

    /** Both databases keep at least microseconds; milliseconds keep reports short and equal on both. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        grouped.close();
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new LedgerException("closing the ledger's connection pool failed", e);
            }
        }
    }
}
