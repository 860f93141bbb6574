package dev.teamsproactive.config;

import javax.net.ssl.SSLContext;

/**
 * Where the routes send their calls, resolved once at start: Microsoft's endpoints of one cloud, or a
 * sandbox. Everything downstream (tokens, Graph, Bot Connector) takes its URLs and trust from here, so
 * the sandbox and Microsoft go through the same code path.
 *
 * @param description  one line for the start-up log, e.g. "the built-in sandbox at https://127.0.0.1:1234"
 * @param authority    the identity platform's base URL (without the tenant)
 * @param graph        Graph's base URL (without /v1.0)
 * @param botServiceUrl the Bot Connector serviceUrl used when none is cached from a conversation
 * @param trust        a TLS context to use instead of the JDK's default trust, or null (Microsoft endpoints)
 * @param cloud        the national cloud, which decides the token scopes (a sandbox answers for the global one)
 */
public record Target(String description, String authority, String graph, String botServiceUrl,
        Credentials credentials, String appExternalId, SSLContext trust, boolean sandbox, Cloud cloud) {

    /** URLs are kept without a trailing slash, so every use can append "/path" as it is. */
    public Target {
        authority = trimSlash(authority);
        graph = trimSlash(graph);
        botServiceUrl = trimSlash(botServiceUrl);
    }

    /** The scope of the Graph token, e.g. https://graph.microsoft.com/.default. */
    public String graphScope() {
        return cloud.graphScope();
    }

    /** The scope of the Bot Connector token, e.g. https://api.botframework.com/.default. */
    public String botScope() {
        return cloud.botScope();
    }

    /** The app registrations used for the two tokens. */
    public record Credentials(String tenantId, String clientId, String clientSecret, String botAppId,
            String botClientSecret, String botTenantId, java.nio.file.Path certificate, String certificatePassword) {
        @Override
        public String toString() {
            // Never print secrets, even by accident.
            return "Credentials[tenantId=" + tenantId + ", clientId=" + clientId + ", botAppId=" + botAppId
                    + ", botTenantId=" + botTenantId + "]";
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
