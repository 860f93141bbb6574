package dev.teamsproactive.auth;

/** No access token could be had: wrong credentials, an unreachable token endpoint, a timeout. */
public final class TokenUnavailableException extends RuntimeException {
    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
