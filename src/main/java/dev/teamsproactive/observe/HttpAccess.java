package dev.teamsproactive.observe;

import dev.teamsproactive.config.Secrets;
import dev.teamsproactive.config.Settings;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the HTTP port (status page, reports, health, metrics). Every request must name one of the allowed
 * host names in its {@code Host} header: a web page on another site cannot read the reports through DNS rebinding
 * (its requests carry that site's name). Allowed: localhost, 127.0.0.1, [::1], the host the port is bound to, and
 * the names in {@code teams.http.allowed-hosts}. Bound beyond loopback, the port also asks for a token
 * ({@code teams.http.token}, as {@code Authorization: Bearer <token>}, or as the password of HTTP Basic so a browser
 * can open the page), unless {@code teams.http.token-required=false}.
 *
 * <p>Installed as the Vert.x server's authentication handler (Camel's hook for it), so it runs before every route
 * of the port, the management server's health and metrics included, from the first request on.
 */
public final class HttpAccess implements AuthenticationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpAccess.class);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowedHosts;
    private final byte[] tokenDigest;
    private final String bindHost;
    private final boolean tokenRequired;

    HttpAccess(String bindHost, Set<String> extraHosts, Optional<String> token, boolean tokenRequired) {
        this.bindHost = bindHost;
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK_NAMES);
        if (!isWildcard(bindHost)) {
            hosts.add(hostName(bindHost));
        }
        extraHosts.forEach(h -> hosts.add(hostName(h)));
        this.allowedHosts = Set.copyOf(hosts);
        this.tokenDigest = token.map(HttpAccess::sha256).orElse(null);
        this.tokenRequired = tokenRequired;
    }

    /**
     * The access rules of these settings.
     *
     * @throws IllegalArgumentException when the port is bound beyond loopback and needs a token, but none is set
     *                                  (only while the port is open: see {@link #bindTo})
     */
    static HttpAccess of(Settings settings) throws IOException {
        String host = settings.require("teams.http.host");
        Set<String> extra = new LinkedHashSet<>();
        for (String name : settings.get("teams.http.allowed-hosts", "").split(",")) {
            if (!name.isBlank()) {
                extra.add(name.strip());
            }
        }
        Optional<String> token = Secrets.read(settings, "teams.http.token");
        String required = settings.require("teams.http.token-required");
        boolean tokenRequired = "auto".equalsIgnoreCase(required) ? !isLoopback(host) : Boolean.parseBoolean(required);
        return new HttpAccess(host, extra, token, tokenRequired);
    }

    /** Guards the port of this service when it opens one (checked before Camel starts the server). */
    public static void bindTo(Main main, Settings settings) {
        HttpAccess access;
        try {
            access = of(settings);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("teams.http.token-file cannot be read", e);
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                access.guard(m.getCamelContext());
            }
        });
    }

    private void guard(CamelContext context) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            return;
        }
        checkBeforeOpening();
        AuthenticationConfig auth = server.getConfiguration().getAuthenticationConfig();
        AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> null);
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                return HttpAccess.this;
            }
        });
        auth.getEntries().add(entry);
        auth.setEnabled(true);
    }

    /**
     * A port bound beyond loopback: a warning, and a refusal to start when it needs a token and none is set.
     *
     * @throws IllegalArgumentException naming the settings that fix it
     */
    void checkBeforeOpening() {
        if (isLoopback(bindHost)) {
            if (tokenRequired && tokenDigest == null) {
                throw new IllegalArgumentException("teams.http.token-required=true but no token is set: set TEAMS_HTTP_TOKEN"
                        + " (or teams.http.token-file, a file outside the repository)");
            }
            return;
        }
        if (tokenRequired && tokenDigest == null) {
            throw new IllegalArgumentException("teams.http.host is " + bindHost + ", beyond this machine: the HTTP port"
                    + " then needs a token. Set TEAMS_HTTP_TOKEN (or teams.http.token-file, a file outside the"
                    + " repository), or teams.http.token-required=false to open it without one (behind your own proxy)");
        }
        LOG.warn("The HTTP port (status page, reports, health, metrics) listens on {}, beyond this machine: {}", bindHost,
                tokenRequired ? "every request needs the token (teams.http.token)"
                        : "with no token (teams.http.token-required=false): whoever reaches it reads the reports");
    }

    @Override
    public void handle(RoutingContext ctx) {
        // The Host header, or HTTP/2's :authority (the JDK's client upgrades to it).
        io.vertx.core.net.HostAndPort authority = ctx.request().authority();
        String host = authority == null ? null : authority.host();
        if (host == null || !allowedHosts.contains(hostName(host))) {
            ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("This host name is not served here (teams.http.allowed-hosts)\n");
            return;
        }
        if (tokenRequired && !carriesToken(ctx.request().getHeader("Authorization"))) {
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"teams-proactive\"")
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("The token is needed: Authorization: Bearer <teams.http.token>\n");
            return;
        }
        ctx.next();
    }

    /** Bearer the token, or Basic with the token as the password; compared in constant time (digests). */
    boolean carriesToken(String authorization) {
        if (tokenDigest == null || authorization == null) {
            return false;
        }
        String given = null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).strip();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                given = pair.substring(pair.indexOf(':') + 1);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return given != null && MessageDigest.isEqual(sha256(given), tokenDigest);
    }

    /** A Host header's (or setting's) name without its port, lower case; an IPv6 address keeps its brackets. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        if (h.indexOf(':') != h.lastIndexOf(':')) {
            return "[" + h + "]";
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static boolean isLoopback(String host) {
        if (LOOPBACK_NAMES.contains(hostName(host)) || host.equals("::1")) {
            return true;
        }
        if (isWildcard(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException unknown) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
