package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Entry point for recipients files (CSV, JSON or an Excel workbook's first sheet). Routes call
 * {@link #validate(Path)} first, which reads the whole file once and rejects it before anything
 * is sent, then {@link #open(Path)} to stream its rows into a split.
 */
public final class RecipientFile {

    /** More distinct keys than this across a JSON file is not a recipient list. */
    static final int MAX_COLUMNS = 1000;

    private RecipientFile() {
    }

    /**
     * Reads the whole file once, row by row, and tells what it holds.
     *
     * @throws RejectedInputException when the file cannot be a campaign: empty, binary, not UTF-8,
     *                                no recipient column, malformed CSV or JSON, a line over 64 KB,
     *                                no recipients. Its message names the file, the line, the reason.
     */
    public static RecipientFileSummary validate(Path file) {
        String name = file.toString();
        FileProbe probe = FileProbe.of(file, name);
        try {
            return switch (probe.format()) {
                case CSV -> validateCsv(file, name, probe);
                case JSON -> validateJson(file, name, probe);
                case XLSX -> validateXlsx(file, name, probe);
            };
        } catch (RejectedInputException e) {
            if (probe.formatNote().contains("assumed")) {
                throw new RejectedInputException(e.file(), e.line(), e.reason() + " (read as " + probe.formatNote() + ")", e);
            }
            throw e;
        }
    }

    /**
     * The rows of the file, read lazily. Close it when done (Camel's streaming split does).
     *
     * @throws RejectedInputException when the file's start is already unusable (see {@link #validate(Path)})
     */
    public static RecipientStream open(Path file) {
        String name = file.toString();
        FileProbe probe = FileProbe.of(file, name);
        return switch (probe.format()) {
            case CSV -> new CsvRecipientStream(file, name, probe);
            case JSON -> new JsonRecipientStream(file, name, key -> { });
            case XLSX -> new XlsxRecipientStream(file, name);
        };
    }

    private static RecipientFileSummary validateXlsx(Path file, String name, FileProbe probe) {
        try (XlsxRecipientStream rows = new XlsxRecipientStream(file, name)) {
            long[] counts = count(rows);
            if (counts[0] == 0) {
                throw new RejectedInputException(name, "no recipients: the first sheet has a header row but no rows"
                        + " under it");
            }
            return new RecipientFileSummary(name, RecipientFormat.XLSX, probe.formatNote(), rows.recipientColumn(),
                    rows.columns(), null, counts[0], counts[1]);
        }
    }

    private static RecipientFileSummary validateCsv(Path file, String name, FileProbe probe) {
        try (CsvRecipientStream rows = new CsvRecipientStream(file, name, probe)) {
            long[] counts = count(rows);
            if (counts[0] == 0) {
                throw new RejectedInputException(name, "no recipients: the file has a header row but no rows under it");
            }
            return new RecipientFileSummary(name, RecipientFormat.CSV, probe.formatNote(), rows.recipientColumn(),
                    rows.columns(), null, counts[0], counts[1]);
        }
    }

    private static RecipientFileSummary validateJson(Path file, String name, FileProbe probe) {
        Set<String> keys = new LinkedHashSet<>();
        try (JsonRecipientStream rows = new JsonRecipientStream(file, name, key -> {
            if (keys.add(key) && keys.size() > MAX_COLUMNS) {
                throw new RejectedInputException(name, "the recipients use more than " + MAX_COLUMNS + " different keys");
            }
        })) {
            long[] counts = count(rows);
            if (counts[0] == 0) {
                throw new RejectedInputException(name, "no recipients: the recipients array is empty");
            }
            if (rows.recipientColumn() == null) {
                throw new RejectedInputException(name, "no recipient key: each object needs one of "
                        + RecipientColumns.acceptedList());
            }
            return new RecipientFileSummary(name, RecipientFormat.JSON, probe.formatNote(), rows.recipientColumn(),
                    new ArrayList<>(keys), rows.template(), counts[0], counts[1]);
        }
    }

    /** {total, invalid}: walks every row without keeping any. */
    private static long[] count(RecipientStream rows) {
        long total = 0;
        long invalid = 0;
        while (rows.hasNext()) {
            total++;
            if (!rows.next().key().isValid()) {
                invalid++;
            }
        }
        return new long[] {total, invalid};
    }
}
