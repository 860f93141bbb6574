package dev.teamsproactive.cluster;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The inbox route's read lock repository ({@code inboxLocks}). In cluster mode a dropped file is taken by exactly one
 * member: the file's path is a row of CAMEL_MESSAGEPROCESSED ({@link DatabaseReadLocks}), inserted by the member that
 * takes it and kept fresh every heartbeat until its campaign has ended and the file has moved; a row not refreshed for
 * a lease (its member died) is taken over by another member, whose campaign then takes over the run lease too. A
 * member of the service that is busy leaves a new file to a live member that runs no campaign.
 * Alone, the route's read lock is {@code changed} and this repository is unused (in memory).
 */
public final class InboxLocks {
    /** The processorName column: one name for the inbox of every member. */
    static final String PROCESSOR_NAME = "inbox";

    private InboxLocks() {
    }

    /**
     * @param members this instance's membership (the service), or null (a command run beside it): then every file is
     *                taken as it comes
     */
    public static IdempotentRepository repository(DataSource ledger, ClusterSettings settings, Members members) {
        if (!settings.enabled()) {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        }
        return new DatabaseReadLocks(ledger, PROCESSOR_NAME, settings,
                members == null ? DatabaseReadLocks.Spreading.NONE : members::anotherIsIdleWhileThisIsBusy,
                Clock.systemUTC());
    }
}
