package dev.teamsproactive.recipients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A million-row file is read row by row: validating and iterating it keeps memory flat. */
class StreamingTest {

    private static final int ROWS = 1_000_000;
    /** Holding the rows would take hundreds of MB; a streaming reader needs a few buffers. */
    private static final long ALLOWED_GROWTH = 32L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aMillionRowsStreamThroughWithoutBeingHeld() throws IOException {
        Path file = dir.resolve("million.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("upn,name,team\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("user" + i + "@contoso.example,\"User, number " + i + "\",Team " + (i % 50) + "\n");
            }
        }
        long before = usedHeapAfterGc();

        RecipientFileSummary summary = RecipientFile.validate(file);
        long afterValidate = usedHeapAfterGc();

        long count = 0;
        long peakGrowth = 0;
        Recipient last = null;
        try (RecipientStream rows = RecipientFile.open(file)) {
            while (rows.hasNext()) {
                last = rows.next();
                if (++count % 250_000 == 0) {
                    peakGrowth = Math.max(peakGrowth, usedHeapAfterGc() - before);
                }
            }
        }

        assertThat(summary.total()).isEqualTo(ROWS);
        assertThat(summary.invalid()).isZero();
        assertThat(count).isEqualTo(ROWS);
        assertThat(last.line()).isEqualTo(ROWS + 1);
        assertThat(last.variables()).containsEntry("name", "User, number " + (ROWS - 1));
        assertThat(afterValidate - before).as("heap growth after validate").isLessThan(ALLOWED_GROWTH);
        assertThat(peakGrowth).as("heap growth while iterating").isLessThan(ALLOWED_GROWTH);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
