package dev.teamsproactive.answers;

/** A request to the messaging endpoint whose bearer token failed a check: answered 401, processed and recorded nowhere. */
public final class UnauthenticatedActivityException extends RuntimeException {
    public UnauthenticatedActivityException(String reason) {
        // No stack trace: this is an expected answer to a bad request, not a fault of the service.
        super(reason, null, false, false);
    }
}
