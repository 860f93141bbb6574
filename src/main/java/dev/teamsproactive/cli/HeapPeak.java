package dev.teamsproactive.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * On request ({@code -Dteams.print-heap-peak=true}), prints {@code HEAP-PEAK-MB n} on standard error as the JVM
 * exits: the sum of every heap pool's peak use, an upper bound of the heap the run needed (the benchmarks read it).
 */
final class HeapPeak {
    private HeapPeak() {
    }

    static void printAtExitIfAsked() {
        if (Boolean.getBoolean("teams.print-heap-peak")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("HEAP-PEAK-MB "
                    + String.format(Locale.ROOT, "%.1f", megabytes())), "heap-peak"));
        }
    }

    static double megabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
