package dev.teamsproactive.recipients;

import java.io.Closeable;
import java.util.Iterator;

/**
 * The rows of one recipients file, read lazily from disk: only the current row is in memory.
 * Closing releases the file (Camel's streaming split closes it when it is done or fails).
 * A file-level problem met while reading surfaces as a
 * {@link dev.teamsproactive.input.RejectedInputException}; a bad row does not: it comes out as a
 * {@link Recipient} with an invalid key.
 */
public interface RecipientStream extends Iterator<Recipient>, Closeable {

    /** The recipient column (CSV) or the recipient key of the first object (JSON). */
    String recipientColumn();

    @Override
    void close();

    /** The rows of {@code rows} that {@code keep} accepts, read as they come; closing it closes {@code rows}. */
    static RecipientStream filtered(RecipientStream rows, java.util.function.Predicate<Recipient> keep) {
        return new LookAheadRecipientStream() {
            @Override
            protected Recipient readRow() {
                while (rows.hasNext()) {
                    Recipient row = rows.next();
                    if (keep.test(row)) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            protected void release() {
                rows.close();
            }

            @Override
            public String recipientColumn() {
                return rows.recipientColumn();
            }
        };
    }
}
