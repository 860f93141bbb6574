package dev.teamsproactive.cluster;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The inbox route's read lock repository ({@code inboxLocks}). In cluster mode a dropped file is taken by exactly one
 * member: the file's path is a row of CAMEL_MESSAGEPROCESSED (camel-sql's JdbcOrphanLockAwareIdempotentRepository),
 * inserted by the member that takes it and kept fresh every heartbeat while its campaign runs; a row not refreshed
 * for a lease (its member died) is taken over by another member, whose campaign then takes over the run lease too.
 * Alone, the route's read lock is {@code changed} and this repository is unused (in memory).
 */
public final class InboxLocks {
    /** The processorName column: one name for the inbox of every member. */
    static final String PROCESSOR_NAME = "inbox";

    private InboxLocks() {
    }

    public static IdempotentRepository repository(CamelContext camel, DataSource ledger, ClusterSettings settings) {
        if (!settings.enabled()) {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        }
        JdbcOrphanLockAwareIdempotentRepository locks =
                new JdbcOrphanLockAwareIdempotentRepository(ledger, PROCESSOR_NAME, camel);
        locks.setCreateTableIfNotExists(false);
        locks.setLockMaxAgeMillis(settings.lease().toMillis());
        locks.setLockKeepAliveIntervalMillis(settings.heartbeat().toMillis());
        return locks;
    }
}
