package dev.teamsproactive.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A process run to its end: started, awaited (ten minutes at most), and ended by its own handle whatever happens. */
final class OneShotProcess {
    private OneShotProcess() {
    }

    /** Runs it; {@code failure} is the message when it does not end, or ends with a status other than 0. */
    static void run(ProcessBuilder builder, String failure) throws IOException, InterruptedException {
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(failure);
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
