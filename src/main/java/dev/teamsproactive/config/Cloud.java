package dev.teamsproactive.config;

import java.util.Locale;

/**
 * Microsoft's endpoints per national cloud, and the token scopes that go
 * with them: Graph's audience is the cloud's Graph host; the Bot Connector's is api.botframework.com in the
 * commercial clouds (global, GCC) and api.botframework.us in the US government ones (GCC High, DoD).
 */
public enum Cloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://smba.trafficmanager.net/teams/",
            Cloud.COMMERCIAL_BOT_SCOPE),
    GCC("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://smba.infra.gcc.teams.microsoft.com/teams",
            Cloud.COMMERCIAL_BOT_SCOPE),
    GCCH("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://smba.infra.gov.teams.microsoft.us/teams",
            Cloud.GOVERNMENT_BOT_SCOPE),
    DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://smba.infra.dod.teams.microsoft.us/teams",
            Cloud.GOVERNMENT_BOT_SCOPE);

    private static final String COMMERCIAL_BOT_SCOPE = "https://api.botframework.com/.default";
    private static final String GOVERNMENT_BOT_SCOPE = "https://api.botframework.us/.default";

    private final String authority;
    private final String graph;
    private final String botServiceUrl;
    private final String botScope;

    Cloud(String authority, String graph, String botServiceUrl, String botScope) {
        this.authority = authority;
        this.graph = graph;
        this.botServiceUrl = botServiceUrl;
        this.botScope = botScope;
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

    /** The scope of a Graph token in this cloud, e.g. https://graph.microsoft.us/.default. */
    public String graphScope() {
        return graph + "/.default";
    }

    /** The scope of a Bot Connector token in this cloud. */
    public String botScope() {
        return botScope;
    }

    /** The Bot Framework's OpenID metadata, whose keys sign what the channel sends the bot (commercial or US Government). */
    public String botOpenIdMetadata() {
        return botScope.equals(GOVERNMENT_BOT_SCOPE) ? "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"
                : "https://login.botframework.com/v1/.well-known/openidconfiguration";
    }

    /** The issuer of the tokens the channel sends the bot. */
    public String botIssuer() {
        return botScope.equals(GOVERNMENT_BOT_SCOPE) ? "https://api.botframework.us" : "https://api.botframework.com";
    }

    public static Cloud parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("teams.cloud must be one of global, gcc, gcch, dod, not '" + name + "'");
        }
    }
}
