package dev.teamsproactive.sandbox.http;

import dev.teamsproactive.sandbox.auth.Audience;

/** The three services the sandbox stands in for; each answers errors in its own shape. */
public enum Service {
    IDENTITY(null, "identity"),
    GRAPH(Audience.GRAPH, "graph"),
    BOT_CONNECTOR(Audience.BOT_CONNECTOR, "botConnector");

    private final Audience audience;
    private final String label;

    Service(Audience audience, String label) {
        this.audience = audience;
        this.label = label;
    }

    /** {@code identity}, {@code graph} or {@code botConnector}, as {@code /_sandbox/faults?service=} names them. */
    public static Service parse(String label) {
        for (Service s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown service '" + label + "'; known: identity, graph, botConnector");
    }

    /** The token audience the service accepts; null for the token endpoint itself. */
    public Audience audience() {
        return audience;
    }
}
