package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Looks at the first 8 KB of a file before any parser does: refuses what is plainly not a text
 * recipients file (empty, binary, UTF-16), and decides between CSV, JSON and an Excel workbook
 * (by its .xlsx extension, or a ZIP archive with neither a .csv nor a .json extension).
 */
record FileProbe(RecipientFormat format, String formatNote, char delimiter) {

    static final int SNIFF_BYTES = 8192;

    static FileProbe of(Path file, String fileName) {
        byte[] head = readHead(file, fileName);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return new FileProbe(RecipientFormat.XLSX, "Excel workbook (by its .xlsx extension)", ',');
        }
        if (startsWith(head, 'P', 'K', 3, 4) && !name.endsWith(".csv") && !name.endsWith(".json")) {
            return new FileProbe(RecipientFormat.XLSX, "Excel workbook (assumed: a ZIP archive without a .csv or .json"
                    + " extension)", ',');
        }
        int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        rejectNonText(head, start, fileName);
        int first = firstNonBlank(head, start);
        if (first < 0 && head.length < SNIFF_BYTES) {
            throw new RejectedInputException(fileName, "the file is empty");
        }
        first = Math.max(first, start);
        RecipientFormat format;
        String note;
        if (name.endsWith(".csv")) {
            format = RecipientFormat.CSV;
            note = "CSV (by its .csv extension)";
        } else if (name.endsWith(".json")) {
            format = RecipientFormat.JSON;
            note = "JSON (by its .json extension)";
        } else if (head[first] == '[' || head[first] == '{') {
            format = RecipientFormat.JSON;
            note = "JSON (assumed: no .csv or .json extension, and it starts with '" + (char) head[first] + "')";
        } else {
            format = RecipientFormat.CSV;
            note = "CSV (assumed: no .csv or .json extension, and it does not start with '[' or '{')";
        }
        char delimiter = format == RecipientFormat.CSV ? delimiterOf(head, first) : ',';
        if (delimiter != ',') {
            note += ", separated by " + (delimiter == ';' ? "semicolons" : "tabs");
        }
        return new FileProbe(format, note, delimiter);
    }

    private static byte[] readHead(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new RejectedInputException(fileName, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void rejectNonText(byte[] head, int start, String fileName) {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new RejectedInputException(fileName, "the file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new RejectedInputException(fileName,
                    "the file is a ZIP archive, such as an Excel workbook; save it as CSV UTF-8,"
                            + " or name it .xlsx if it is a workbook");
        }
        int controls = 0;
        for (int i = start; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                throw new RejectedInputException(fileName, "the file is binary (it holds NUL bytes), not a text"
                        + " recipients file; a UTF-16 file looks like this too: save it as UTF-8");
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
            }
        }
        // A few stray control characters are a row's problem; many mean this is not text at all.
        if (controls > 8 && controls * 10 > head.length - start) {
            throw new RejectedInputException(fileName, "the file is binary (mostly control characters in its first "
                    + (head.length - start) + " bytes), not a text recipients file");
        }
    }

    private static int firstNonBlank(byte[] head, int start) {
        for (int i = start; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Spreadsheets in many European locales write ';' between cells, some tools tabs: the header
     * row tells, since it has no quoted commas in practice. A comma wins when present.
     */
    private static char delimiterOf(byte[] head, int first) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = first; i < head.length && (quoted || (head[i] != '\n' && head[i] != '\r')); i++) {
            switch (head[i]) {
                case '"' -> quoted = !quoted;
                case ',' -> commas += quoted ? 0 : 1;
                case ';' -> semicolons += quoted ? 0 : 1;
                case '\t' -> tabs += quoted ? 0 : 1;
                default -> { }
            }
        }
        if (commas > 0 || (semicolons == 0 && tabs == 0)) {
            return ',';
        }
        return semicolons >= tabs ? ';' : '\t';
    }

    /** Whether the file's first bytes are {@code prefix}. */
    static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
