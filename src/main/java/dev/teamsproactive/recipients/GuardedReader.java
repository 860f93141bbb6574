package dev.teamsproactive.recipients;

import dev.teamsproactive.input.RejectedInputException;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoder and a parser and keeps hostile input from costing memory or giving
 * vague errors: it counts physical lines (LF, CR LF or CR, as the parsers do), refuses a line or
 * a record longer than its limits before a parser buffers it whole, turns a decoding failure into
 * a rejection that names the line, and drops a leading byte order mark.
 */
final class GuardedReader extends Reader {

    private final Reader in;
    private final String file;
    private final int maxLineChars;
    private final int maxRecordChars;
    private boolean started;
    private boolean lastWasCr;
    private int line = 1;
    private int lineChars;
    private long recordChars;
    private int recordStartLine = 1;

    /**
     * @param maxLineChars   longest physical line allowed, 0 for no limit
     * @param maxRecordChars most characters read since {@link #recordStarts(int)}, 0 for no limit
     */
    GuardedReader(Reader in, String file, int maxLineChars, int maxRecordChars) {
        this.in = in;
        this.file = file;
        this.maxLineChars = maxLineChars;
        this.maxRecordChars = maxRecordChars;
    }

    /** The 1-based physical line of the next character to be read. */
    int line() {
        return line;
    }

    /** The parser is about to read a record that starts on {@code startLine}. */
    void recordStarts(int startLine) {
        recordChars = 0;
        recordStartLine = startLine;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(buffer, off, len);
        } catch (StrictUtf8Reader.MalformedUtf8Exception e) {
            throw new RejectedInputException(file, line, e.getMessage()
                    + ": the file must be UTF-8 (it may have been saved as Windows-1252 or Latin-1)", e);
        }
        if (n <= 0) {
            return n;
        }
        if (!started) {
            started = true;
            if (buffer[off] == '\uFEFF') {
                System.arraycopy(buffer, off + 1, buffer, off, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, off, len);
                }
            }
        }
        for (int i = off; i < off + n; i++) {
            count(buffer[i]);
        }
        return n;
    }

    private void count(char c) {
        if (c == '\n' || c == '\r') {
            if (!(c == '\n' && lastWasCr)) {
                line++;
            }
            lastWasCr = c == '\r';
            lineChars = 0;
        } else {
            lastWasCr = false;
            if (maxLineChars > 0 && ++lineChars > maxLineChars) {
                throw new RejectedInputException(file, line, "the line is longer than " + maxLineChars
                        + " characters; a recipients file has one short row per line");
            }
        }
        if (maxRecordChars > 0 && ++recordChars > maxRecordChars) {
            throw new RejectedInputException(file, recordStartLine, "the row starting here runs over "
                    + maxRecordChars + " characters: probably a quote (\") that is never closed");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
