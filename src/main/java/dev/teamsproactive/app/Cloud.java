package dev.teamsproactive.app;

import java.util.Locale;

/** Microsoft's endpoints per national cloud (teams-platform-facts.md section 4). */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://smba.trafficmanager.net/teams/"),
    GCC("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://smba.infra.gcc.teams.microsoft.com/teams"),
    GCCH("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://smba.infra.gov.teams.microsoft.us/teams"),
    DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://smba.infra.dod.teams.microsoft.us/teams");

    private final String authority;
    private final String graph;
    private final String botServiceUrl;

    Cloud(String authority, String graph, String botServiceUrl) {
        this.authority = authority;
        this.graph = graph;
        this.botServiceUrl = botServiceUrl;
    }

    public String authority() {
        return authority;
    }

    public String graph() {
        return graph;
    }

    public String botServiceUrl() {
        return botServiceUrl;
    }

    public static Cloud parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("teams.cloud must be one of global, gcc, gcch, dod, not '" + name + "'");
        }
    }
}
