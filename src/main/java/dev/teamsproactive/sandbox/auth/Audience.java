package dev.teamsproactive.sandbox.auth;

/** The two resources the sandbox issues tokens for. */
public enum Audience {
    GRAPH("https://graph.microsoft.com"),
    BOT_CONNECTOR("https://api.botframework.com");

    private final String uri;

    Audience(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The audience a {@code scope} such as {@code https://graph.microsoft.com/.default} asks for. */
    public static Audience ofScope(String scope) {
        if (scope == null) {
            return null;
        }
        for (String s : scope.trim().split("\\s+")) {
            for (Audience a : values()) {
                if (s.equalsIgnoreCase(a.uri + "/.default")) {
                    return a;
                }
            }
        }
        return null;
    }
}
