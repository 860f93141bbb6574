package dev.teamsproactive.bench;

import dev.teamsproactive.recipients.RecipientFile;
import dev.teamsproactive.recipients.RecipientFileSummary;
import dev.teamsproactive.recipients.RecipientStream;
import java.nio.file.Path;

/**
 * The xlsx-million scenario's own process: reads a workbook as a campaign does (the whole-file check, then the rows
 * streamed one by one) and prints {@code ROWS n} and, as it exits, its heap figures (run it with
 * {@code -Dteams.print-heap-peak=true} and a small -Xmx).
 */
public final class WorkbookRead {
    private WorkbookRead() {
    }

    public static void main(String[] args) {
        HeapPeak.printAtExitIfAsked();
        Path file = Path.of(args[0]);
        RecipientFileSummary summary = RecipientFile.validate(file);
        long rows = 0;
        try (RecipientStream stream = RecipientFile.open(file)) {
            while (stream.hasNext()) {
                stream.next();
                rows++;
            }
        }
        if (rows != summary.total()) {
            throw new IllegalStateException("streamed " + rows + " rows, the check counted " + summary.total());
        }
        System.out.println("ROWS " + rows);
    }
}
