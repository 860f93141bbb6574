package dev.teamsproactive.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * On request ({@code -Dteams.print-heap-peak=true}), prints on standard error as the JVM exits (the benchmarks read
 * both): {@code HEAP-PEAK-MB n}, the most heap in use at any collection (what the run needed, at most -Xmx), and
 * {@code HEAP-LIVE-MB n}, the most left in use after a collection (the data the run held: flat when memory does not
 * grow with the number of recipients). Read from the collector's own notifications: summing each pool's peak instead
 * overstates, as the pools peak at different moments (360 MB for a run capped at 256).
 */
public final class HeapPeak {
    private static final AtomicLong PEAK = new AtomicLong();
    private static final AtomicLong LIVE = new AtomicLong();

    private HeapPeak() {
    }

    public static void printAtExitIfAsked() {
        if (!Boolean.getBoolean("teams.print-heap-peak")) {
            return;
        }
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        PEAK.accumulateAndGet(total(heapPools, info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        LIVE.accumulateAndGet(total(heapPools, info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            System.err.println("HEAP-PEAK-MB " + megabytes(PEAK.get()));
            System.err.println("HEAP-LIVE-MB " + megabytes(LIVE.get()));
        }, "heap-peak"));
    }

    /** The heap pools' use in one snapshot (non-heap pools, such as Metaspace, left out). */
    private static long total(Set<String> heapPools, Map<String, MemoryUsage> byPool) {
        long bytes = 0;
        for (String pool : heapPools) {
            MemoryUsage usage = byPool.get(pool);
            if (usage != null) {
                bytes += usage.getUsed();
            }
        }
        return bytes;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
