package dev.teamsproactive.sandbox.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.SyntheticUsers;
import dev.teamsproactive.tls.SandboxTls;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox playing Teams towards the bot: its OpenID metadata and signing keys, and
 * {@code POST /_sandbox/users/{userId}/act}, which sends the user's action to the service's messaging endpoint
 * as a signed activity and answers {@code {"status","body"}} with what the service answered.
 */
public final class TeamsChannel {
    public static final String OPENID_PATH = "/_sandbox/openid";
    public static final String KEYS_PATH = "/_sandbox/openid/keys";
    public static final String ROTATE_PATH = "/_sandbox/openid/rotate";
    public static final String FETCHES_PATH = "/_sandbox/openid/fetches";
    public static final String LOAD_PATH = "/_sandbox/acts/load";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** One act as sent, kept so that {@code replayOf} can send the very same request again. */
    private record Sent(String body, String token) {
    }

    /** One act and the service's answer, as {@code GET /_sandbox/acts} lists them. */
    public record Act(String userId, String kind, String activityId, String tokenKind, int status, JsonNode answer,
            Instant at) {
    }

    private final Tenant tenant;
    private final ChannelKeys keys = new ChannelKeys();
    private final ChannelTokens tokens;
    private final ChannelActivities activities;
    private final HttpClient http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Act> acts = new ConcurrentLinkedQueue<>();
    private volatile String botEndpoint;
    private final AtomicLong metadataFetches = new AtomicLong();
    private final AtomicLong keyFetches = new AtomicLong();

    public TeamsChannel(Tenant tenant, String botEndpoint) {
        this.tenant = tenant;
        this.tokens = new ChannelTokens(keys, tenant.app().botAppId());
        this.activities = new ChannelActivities(tenant);
        this.botEndpoint = botEndpoint;
    }

    /** Where activities go: the service's {@code /api/messages} (registered by the service, or given at start). */
    public void botEndpoint(String url) {
        this.botEndpoint = url;
    }

    public Optional<String> botEndpoint() {
        return Optional.ofNullable(botEndpoint);
    }

    public ChannelTokens tokens() {
        return tokens;
    }

    public ChannelKeys keys() {
        return keys;
    }

    /** How many times the OpenID metadata and the keys were read: a bot's refetches, and any hammering. */
    public Map<String, Long> fetches() {
        return Map.of("metadata", metadataFetches.get(), "keys", keyFetches.get());
    }

    public void register(Router router) {
        router.get(OPENID_PATH).handler(ctx -> {
            metadataFetches.incrementAndGet();
            Responses.json(ctx, 200, openIdMetadata());
        });
        router.get(KEYS_PATH).handler(ctx -> {
            keyFetches.incrementAndGet();
            Responses.json(ctx, 200, keys.jwks());
        });
        router.get(FETCHES_PATH).handler(ctx -> Responses.json(ctx, 200, fetches()));
        router.post(ROTATE_PATH).handler(ctx -> Responses.json(ctx, 200, Map.of("kid", keys.rotate())));
        router.post(LOAD_PATH).handler(this::load);
        router.post("/_sandbox/bot-endpoint").handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            String url = body == null ? null : body.getString("url");
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                Responses.json(ctx, 400, Map.of("error", "the body must be {\"url\":\"http(s)://…/api/messages\"}"));
                return;
            }
            botEndpoint(url);
            Responses.json(ctx, 200, Map.of("botEndpoint", url));
        });
        router.get("/_sandbox/acts").handler(ctx -> Responses.json(ctx, 200, new ArrayList<>(acts)));
        router.post("/_sandbox/users/:userId/act").handler(this::act);
    }

    private Map<String, Object> openIdMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", ChannelTokens.ISSUER);
        m.put("authorization_endpoint", tenant.baseUrl() + "/v1/.well-known/authorize");
        m.put("jwks_uri", tenant.baseUrl() + KEYS_PATH);
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        return m;
    }

    private void act(RoutingContext ctx) {
        String userId = ctx.pathParam("userId");
        ActRequest act;
        try {
            act = ActRequest.parse(Responses.JSON.readTree(ctx.body().asString() == null ? "" : ctx.body().asString()));
        } catch (IOException | IllegalArgumentException e) {
            Responses.json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        String endpoint = botEndpoint;
        if (endpoint == null) {
            Responses.json(ctx, 409, Map.of("error", "No bot endpoint is registered: POST /_sandbox/bot-endpoint "
                    + "{\"url\":…} or start the service with teams.bot-endpoint.enabled=true"));
            return;
        }
        Sent request;
        String activityId;
        String kind;
        if (act.replayOf() != null) {
            request = sent.get(act.replayOf());
            if (request == null) {
                Responses.json(ctx, 404, Map.of("error", "No earlier act with activityId '" + act.replayOf() + "'"));
                return;
            }
            activityId = act.replayOf();
            kind = "replay";
        } else {
            Optional<DirectoryUser> user = tenant.directory().userById(userId);
            if (user.isEmpty()) {
                Responses.json(ctx, 404, Map.of("error", "No user '" + userId + "' in the sandbox's directory"));
                return;
            }
            ObjectNode activity = activities.of(act, user.get());
            activityId = activity.get("id").asText();
            request = new Sent(activity.toString(), tokens.token(act.token(), tenant.baseUrl()));
            sent.put(activityId, request);
            kind = act.kind().name().toLowerCase(java.util.Locale.ROOT);
            if (act.kind() == ActRequest.Kind.UNINSTALL) {
                tenant.installations().uninstallForUser(userId);
            }
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(endpoint)).timeout(SEND_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.token() != null) {
            post.header("Authorization", "Bearer " + request.token());
        }
        String tokenKind = act.replayOf() != null ? "replayed" : act.token().name().toLowerCase(java.util.Locale.ROOT);
        http.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((answer, failure) -> {
            if (failure != null) {
                acts.add(new Act(userId, kind, activityId, tokenKind, 0, null, Instant.now()));
                Responses.json(ctx, 502, Map.of("error", "The bot endpoint " + endpoint + " did not answer: " + failure));
                return;
            }
            JsonNode body = parse(answer.body());
            acts.add(new Act(userId, kind, activityId, tokenKind, answer.statusCode(), body, Instant.now()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", answer.statusCode());
            result.put("body", body);
            result.put("activityId", activityId);
            Responses.json(ctx, 200, result);
        });
    }

    /** {@code POST /_sandbox/acts/load}: see {@link ActLoad}. */
    private void load(RoutingContext ctx) {
        ActLoad.Plan plan;
        try {
            plan = ActLoad.Plan.parse(Responses.JSON.readTree(ctx.body().asString() == null ? "" : ctx.body().asString()));
        } catch (IOException | IllegalArgumentException e) {
            Responses.json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        String endpoint = botEndpoint;
        if (endpoint == null) {
            Responses.json(ctx, 409, Map.of("error", "No bot endpoint is registered: POST /_sandbox/bot-endpoint {\"url\":…}"));
            return;
        }
        List<DirectoryUser> users = new ArrayList<>(plan.count());
        for (int n = plan.firstUser(); n < plan.firstUser() + plan.count(); n++) {
            Optional<DirectoryUser> user = tenant.directory().userById(SyntheticUsers.idOf(n));
            if (user.isEmpty()) {
                Responses.json(ctx, 404, Map.of("error", "No user " + n + " in the sandbox's directory (sandbox --users N)"));
                return;
            }
            users.add(user.get());
        }
        new ActLoad(ctx.vertx(), endpoint, users, activities, plan, tokens.token(ChannelTokens.Kind.VALID, tenant.baseUrl()))
                .run(figures -> Responses.json(ctx, 200, figures));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Responses.JSON.nullNode();
        }
        try {
            return Responses.JSON.readTree(body);
        } catch (IOException e) {
            return Responses.JSON.getNodeFactory().textNode(body);
        }
    }
}
