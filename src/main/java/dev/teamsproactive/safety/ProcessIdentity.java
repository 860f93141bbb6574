package dev.teamsproactive.safety;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a run lease: {@code host/pid/start-millis/run}, so a restarted service on the same host can
 * tell that the holder's process is gone (no such pid, or a pid since reused by a newer process) and take
 * the campaign over at once instead of waiting for the lease to lapse. A holder on another host is only
 * ever taken over when its lease lapses. (Hosts sharing one ledger must therefore have distinct names.)
 */
final class ProcessIdentity {
    private static final String THIS_HOST = hostName();
    private static final ProcessHandle SELF = ProcessHandle.current();
    private static final String THIS_PROCESS = THIS_HOST + "/" + SELF.pid() + "/" + startMillis(SELF).orElse(0L);

    private ProcessIdentity() {
    }

    /** What every lease owner id of this process starts with: host/pid/start-millis. */
    static String thisProcess() {
        return THIS_PROCESS;
    }

    /** A new lease owner id for one run of a campaign in this process. */
    static String newRun() {
        return THIS_PROCESS + "/" + Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime());
    }

    /** True only when {@code owner} names a process on this host that no longer runs. */
    static boolean isGone(String owner) {
        String[] parts = owner.split("/");
        if (parts.length != 4 || !parts[0].equals(THIS_HOST)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive()
                    || startMillis(process.get()).map(s -> s != start).orElse(false);
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown-host";
        }
    }
}
