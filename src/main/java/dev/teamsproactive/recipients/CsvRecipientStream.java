package dev.teamsproactive.recipients;

import dev.teamsproactive.input.LogText;
import dev.teamsproactive.input.RejectedInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of a CSV recipients file, parsed by commons-csv one record at a time. */
final class CsvRecipientStream extends LookAheadRecipientStream {

    /** No sensible row comes near this; a longer line is hostile or not a recipients file. */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /** A row may span lines (quoted newlines), but not without end: that is an unclosed quote. */
    static final int MAX_RECORD_CHARS = 256 * 1024;
    /** How much of a header a rejection quotes: a few cells, a short line at most. */
    private static final int HEADER_EXCERPT_CELLS = 10;
    private static final int HEADER_EXCERPT_CHARS = 80;

    private final String file;
    private final GuardedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String recipientColumn;
    private final List<Integer> recipientIndexes;
    private final char delimiter;
    private long linesRead;

    CsvRecipientStream(Path path, String file, FileProbe probe) {
        this.file = file;
        this.delimiter = probe.delimiter();
        try {
            reader = new GuardedReader(new StrictUtf8Reader(Files.newInputStream(path)), file,
                    MAX_LINE_CHARS, MAX_RECORD_CHARS);
        } catch (IOException e) {
            throw new RejectedInputException(file, "cannot be read: " + e.getMessage(), e);
        }
        try {
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(probe.delimiter())
                    // Blank lines come back as records so physical line numbers can be followed exactly.
                    .setIgnoreEmptyLines(false)
                    .get();
            parser = format.parse(reader);
            records = parser.iterator();
            int headerLine = 0;
            CSVRecord headerRecord = null;
            while (headerRecord == null) {
                headerLine = (int) linesRead + 1;
                CSVRecord record = nextRecord(headerLine);
                if (record == null) {
                    throw new RejectedInputException(file, "the file has no header row");
                }
                if (!isBlank(record)) {
                    headerRecord = record;
                }
            }
            header = headerNames(headerRecord, headerLine);
            recipientColumn = RecipientColumns.pick(header);
            if (recipientColumn == null) {
                throw new RejectedInputException(file, headerLine, noRecipientColumn(header));
            }
            recipientIndexes = RecipientColumns.ranked(header);
        } catch (RuntimeException e) {
            release();
            throw e;
        } catch (IOException e) {
            release();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String recipientColumn() {
        return recipientColumn;
    }

    List<String> columns() {
        List<String> named = new ArrayList<>();
        for (String name : header) {
            if (!name.isEmpty()) {
                named.add(name);
            }
        }
        return named;
    }

    @Override
    protected Recipient readRow() {
        while (true) {
            int startLine = (int) linesRead + 1;
            CSVRecord record = nextRecord(startLine);
            if (record == null) {
                return null;
            }
            // Spreadsheets leave rows of empty cells behind; they are nobody.
            if (!isBlank(record)) {
                return toRecipient(record, startLine);
            }
        }
    }

    private Recipient toRecipient(CSVRecord record, int line) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                variables.put(header.get(i), i < record.size() ? record.get(i) : "");
            }
        }
        int used = recipientIndexes.get(0);
        for (int index : recipientIndexes) {
            if (index < record.size() && !record.get(index).isBlank()) {
                used = index;
                break;
            }
        }
        String raw = used < record.size() ? record.get(used) : "";
        RecipientKey key = RecipientKey.fromColumn(header.get(used), raw);
        if (hasExtraCells(record)) {
            key = RecipientKey.invalid(RecipientKey.MALFORMED_ROW, "the row has " + record.size()
                    + " cells but the header has " + header.size() + ": a value holding a '"
                    + (delimiter == '\t' ? "tab" : String.valueOf(delimiter)) + "' must be quoted");
        }
        return new Recipient(line, raw, key, variables);
    }

    private boolean hasExtraCells(CSVRecord record) {
        for (int i = header.size(); i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The next record, or null at the end; commons-csv's format errors become rejections. */
    private CSVRecord nextRecord(int startLine) {
        reader.recordStarts(startLine);
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesRead = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            throw rejection(e.getCause(), startLine);
        }
    }

    private RuntimeException rejection(IOException cause, int startLine) {
        String detail = String.valueOf(cause == null ? null : cause.getMessage());
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new RejectedInputException(file, startLine,
                    "a quote (\") opened in the row starting on this line is never closed", cause);
        }
        if (cause instanceof org.apache.commons.csv.CSVException) {
            int line = (int) Math.max(parser.getCurrentLineNumber(), startLine);
            String what = detail.replaceAll(" at line: \\d+, position: \\d+", "");
            return new RejectedInputException(file, line, "malformed CSV: " + what
                    + " (a value holding quotes must be quoted itself, its quotes doubled: \"a \"\"b\"\"\")", cause);
        }
        return new UncheckedIOException(cause);
    }

    private List<String> headerNames(CSVRecord record, int line) {
        List<String> names = new ArrayList<>(record.size());
        for (String cell : record) {
            // Whitespace around a header name ("id, name") is never meant: placeholders would not match it.
            String name = cell.strip();
            int earlier = names.indexOf(name);
            if (!name.isEmpty() && earlier >= 0) {
                throw new RejectedInputException(file, line, "the column '" + LogText.excerpt(name, HEADER_EXCERPT_CHARS)
                        + "' appears twice (columns "
                        + (earlier + 1) + " and " + (names.size() + 1) + ")");
            }
            names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    private static String noRecipientColumn(List<String> header) {
        // A short, escaped excerpt of the header only: a file that is no recipients file (an env file, a key) must not
        // have its first line copied into logs and .error.txt.
        String named = LogText.excerpt(String.join(", ", header.subList(0, Math.min(header.size(), HEADER_EXCERPT_CELLS)))
                + (header.size() > HEADER_EXCERPT_CELLS ? ", …" : ""), HEADER_EXCERPT_CHARS);
        String reason = "no recipient column: the header row must name one of " + RecipientColumns.acceptedList()
                + " (it names " + named + ")";
        for (String name : header) {
            if (name.contains("@") || RecipientKey.fromColumn("id", name).kind() == RecipientKey.Kind.OBJECT_ID) {
                return reason + "; the first row looks like data: add a header row such as 'upn,name'";
            }
        }
        return reason;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void release() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only reading happened: nothing is lost when closing fails.
        }
    }
}
