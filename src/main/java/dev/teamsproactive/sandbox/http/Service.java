package dev.teamsproactive.sandbox.http;

import dev.teamsproactive.sandbox.auth.Audience;

/** The three services the sandbox stands in for; each answers errors in its own shape. */
public enum Service {
    IDENTITY(null),
    GRAPH(Audience.GRAPH),
    BOT_CONNECTOR(Audience.BOT_CONNECTOR);

    private final Audience audience;

    Service(Audience audience) {
        this.audience = audience;
    }

    /** The token audience the service accepts; null for the token endpoint itself. */
    public Audience audience() {
        return audience;
    }
}
