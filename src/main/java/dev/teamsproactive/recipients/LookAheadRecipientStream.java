package dev.teamsproactive.recipients;

import java.util.NoSuchElementException;

/**
 * The iterator shared by the file readers: one row read ahead, the file released once, at the end, on a failure
 * that rejects the file, or when closed early.
 */
abstract class LookAheadRecipientStream implements RecipientStream {
    private Recipient next;
    private boolean closed;

    /** The next recipient row, or null at the end of the file. */
    protected abstract Recipient readRow();

    /** Releases the file; called once. Only reading happened: a failure to release loses nothing. */
    protected abstract void release();

    @Override
    public final boolean hasNext() {
        if (next == null && !closed) {
            try {
                next = readRow();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            if (next == null) {
                close();
            }
        }
        return next != null;
    }

    @Override
    public final Recipient next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Recipient row = next;
        next = null;
        return row;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            next = null;
            release();
        }
    }
}
