package dev.teamsproactive.ledger;

/** An insert met a row that already has its key: the ledger's way to learn "someone was first". */
final class DuplicateKeyException extends LedgerException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(Throwable cause) {
        super("duplicate key", cause);
    }
}
