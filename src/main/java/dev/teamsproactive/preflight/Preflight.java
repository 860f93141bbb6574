package dev.teamsproactive.preflight;

import com.microsoft.aad.msal4j.MsalServiceException;
import dev.teamsproactive.auth.TokenProvider;
import dev.teamsproactive.auth.TokenUnavailableException;
import dev.teamsproactive.props.AudienceProps;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientFile;
import dev.teamsproactive.recipients.RecipientKey;
import dev.teamsproactive.recipients.RecipientStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preflight route's checks (routes/4a-preflight.camel.yaml), run when the service starts and before each
 * campaign: a Graph and a Bot Connector token can be had, and the Graph token carries the application
 * permissions the campaign needs. Each failure names the missing piece and what an admin must do.
 */
public final class Preflight {
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);


    /**
     * Who the two tokens are for, to name them in messages, and the authority (token endpoint) they come from,
     * e.g. https://login.microsoftonline.com.
     */
    public record Identities(String tenantId, String clientId, String botAppId, String botTenantId, String authority) {
    }

    private final TokenProvider graph;
    private final TokenProvider bot;
    private final Identities who;
    private final boolean catalogIdConfigured;

    public Preflight(TokenProvider graph, TokenProvider bot, Identities who, boolean catalogIdConfigured) {
        this.graph = graph;
        this.bot = bot;
        this.who = who;
        this.catalogIdConfigured = catalogIdConfigured;
    }

    /**
     * A token for Graph and one for the Bot Connector can be had (from msal4j's cache or newly issued). A refusal
     * carries the token endpoint's reason in its message but not the exception as cause: Camel matches error rules
     * on causes too, and a TokenUnavailableException cause would be retried as if the endpoint were busy.
     */
    public void tokens(Exchange exchange) {
        try {
            graph.authorization();
        } catch (TokenUnavailableException e) {
            if (Boolean.TRUE.equals(exchange.getProperty(Props.PREFLIGHT_AT_START, Boolean.class))) {
                failIfUnreachable(e);
            }
            rethrowIfTransient(e);
            throw new PreflightFailedException("no Microsoft Graph token for the app registration " + who.clientId()
                    + " in tenant " + who.tenantId() + " (" + e.getMessage() + "). An admin must check teams.tenant-id and"
                    + " teams.client-id, and give the app's current client secret (TEAMS_CLIENT_SECRET) or certificate;"
                    + " a secret that expired needs a new one (Entra admin center, App registrations, Certificates & secrets)");
        }
        try {
            bot.authorization();
        } catch (TokenUnavailableException e) {
            rethrowIfTransient(e);
            throw new PreflightFailedException("no Bot Connector token for the bot " + who.botAppId() + " in tenant "
                    + who.botTenantId() + " (" + e.getMessage() + "). An admin must check teams.bot-app-id and the bot's"
                    + " client secret (TEAMS_BOT_CLIENT_SECRET), and set teams.bot-tenant-id=botframework.com for a"
                    + " multi-tenant bot");
        }
    }

    /**
     * At start, a token endpoint whose host is unknown or refuses connections is no passing fault to wait out with
     * backoff (which took a minute and ended in a stack trace): one line names the host, and the service stops.
     * During a campaign the same failure is retried, as a network blip may be.
     */
    private void failIfUnreachable(TokenUnavailableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException) {
                String host = java.net.URI.create(who.authority()).getHost();
                throw new PreflightFailedException(host + " cannot be reached (" + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "), so no token can be had. Is a proxy"
                        + " needed (java -Dhttps.proxyHost=… -Dhttps.proxyPort=…), or does a firewall block it?");
            }
        }
    }

    /**
     * A busy or unreachable token endpoint (429, 5xx, a broken connection, a timeout) is no setup problem: the
     * failure goes back as it is, for the route's error policy to back off and ask again.
     */
    private static void rethrowIfTransient(TokenUnavailableException e) {
        if (!(e.getCause() instanceof MsalServiceException refusal)) {
            throw e;
        }
        int status = refusal.statusCode() == null ? 0 : refusal.statusCode();
        if (status == 429 || status >= 500 || "temporarily_unavailable".equals(refusal.errorCode())) {
            throw e;
        }
    }

    /** The Graph token's {@code roles} claim allows every feature this campaign (or the service) needs. */
    public void roles(Exchange exchange) {
        Set<Feature> needed = needed(exchange);
        Optional<Set<String>> granted = TokenRoles.of(graph.authorization());
        if (granted.isEmpty()) {
            LOG.warn("Preflight: the Graph token is not a readable JWT, so its roles cannot be checked; calls that lack"
                    + " a permission will fail with 403");
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Feature f : needed) {
            if (!f.allowedBy(granted.get())) {
                missing.add(whatToGrant(f));
            }
        }
        if (!missing.isEmpty()) {
            throw new PreflightFailedException("the app registration " + who.clientId() + " lacks "
                    + (missing.size() == 1 ? "a permission" : missing.size() + " permissions") + ": "
                    + String.join("; ", missing) + ". Granted now: "
                    + (granted.get().isEmpty() ? "none" : String.join(", ", granted.get())));
        }
        if (!Feature.USER_LOOKUP.allowedBy(granted.get())) {
            LOG.info("Preflight: {} is not granted, so recipients can only be given by object id", Feature.USER_LOOKUP.leastRole());
        }
        exchange.setProperty(Props.PREFLIGHT_ROLES, String.join(", ", granted.get()));
    }

    private static String whatToGrant(Feature f) {
        List<String> others = f.roles().subList(1, f.roles().size());
        String text = "to " + f.purpose() + ", an admin must grant the Microsoft Graph application permission "
                + f.leastRole() + (others.isEmpty() ? "" : " (or one of " + String.join(", ", others) + ")")
                + " and grant admin consent for it";
        if (f == Feature.CATALOG_LOOKUP) {
            text += ", or set teams.app-catalog-id to the app's catalog id to do without it";
        }
        return text;
    }

    /** The install path always; the catalog lookup unless its id is configured; the rest as the campaign says. */
    Set<Feature> needed(Exchange exchange) {
        Set<Feature> needed = EnumSet.of(Feature.INSTALL_FOR_USERS);
        if (!catalogIdConfigured) {
            needed.add(Feature.CATALOG_LOOKUP);
        }
        String file = exchange.getProperty(Props.CAMPAIGN_FILE, String.class);
        if (file != null && namesUsersByName(Path.of(file))) {
            needed.add(Feature.USER_LOOKUP);
        }
        needed.addAll(Feature.forAudience(exchange.getProperty(AudienceProps.AUDIENCE, String.class)));
        Object more = exchange.getProperty(Props.NEEDED_FEATURES);
        if (more instanceof Collection<?> c) {
            c.forEach(f -> needed.add(f instanceof Feature feature ? feature : Feature.valueOf(f.toString().trim())));
        } else if (more instanceof String s && !s.isBlank()) {
            for (String name : s.split(",")) {
                needed.add(Feature.valueOf(name.trim()));
            }
        }
        LOG.debug("Preflight needs {}", needed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        return needed;
    }

    /** Whether any row names its recipient by UPN or mail (a lookup); stops at the first such row. */
    private static boolean namesUsersByName(Path file) {
        try (RecipientStream rows = RecipientFile.open(file)) {
            while (rows.hasNext()) {
                Recipient r = rows.next();
                RecipientKey.Kind kind = r.key().kind();
                if (kind == RecipientKey.Kind.UPN || kind == RecipientKey.Kind.MAIL) {
                    return true;
                }
            }
            return false;
        } catch (dev.teamsproactive.input.RejectedInputException notARecipientsFile) {
            // The campaign stage judges the file; here it only decides whether lookups are needed.
            return false;
        }
    }
}
