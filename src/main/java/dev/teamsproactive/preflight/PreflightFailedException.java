package dev.teamsproactive.preflight;

/**
 * The service cannot work with the tenant as it is set up: no token, a missing permission, the app not in the
 * catalog. The message names the missing piece and what an admin must do; nothing has been sent.
 */
public final class PreflightFailedException extends RuntimeException {
    public PreflightFailedException(String message) {
        super("Preflight failed: " + message);
    }
}
