package dev.teamsproactive.sandbox.auth;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity platform's v2.0 token endpoint for the client-credentials grant with a secret
 * (teams-platform-facts.md section 1), plus the OpenID metadata document msal4j may read.
 */
public final class TokenEndpoint {
    /** The tenant a multi-tenant bot asks its Bot Connector token from. */
    public static final String BOT_FRAMEWORK_TENANT = "botframework.com";
    private final Tenant tenant;

    public TokenEndpoint(Tenant tenant) {
        this.tenant = tenant;
    }

    public void register(Api api) {
        api.on(HttpMethod.POST, "/:tenant/oauth2/v2.0/token", Service.IDENTITY, (ctx, caller) -> token(ctx));
        api.on(HttpMethod.GET, "/:tenant/v2.0/.well-known/openid-configuration", Service.IDENTITY,
                (ctx, caller) -> openIdConfiguration(ctx));
    }

    private void token(RoutingContext ctx) {
        String tenantInPath = ctx.pathParam("tenant");
        MultiMap form = ctx.request().formAttributes();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(ctx, 400, "unsupported_grant_type", 70003,
                    "AADSTS70003: The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
            return;
        }
        Audience audience = Audience.ofScope(form.get("scope"));
        if (audience == null) {
            error(ctx, 400, "invalid_scope", 1002012,
                    "AADSTS1002012: The provided value for scope " + form.get("scope") + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
            return;
        }
        boolean ownTenant = tenant.tenantId().equalsIgnoreCase(tenantInPath);
        boolean botFrameworkTenant = audience == Audience.BOT_CONNECTOR && BOT_FRAMEWORK_TENANT.equalsIgnoreCase(tenantInPath);
        if (!ownTenant && !botFrameworkTenant) {
            error(ctx, 400, "invalid_request", 90002, "AADSTS90002: Tenant '" + tenantInPath
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
            return;
        }
        String clientId = form.get("client_id");
        if (clientId == null || !clientId.equalsIgnoreCase(tenant.app().clientId())) {
            error(ctx, 400, "invalid_client", 700016, "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenantInPath + "'.");
            return;
        }
        if (form.get("client_assertion") != null) {
            error(ctx, 400, "invalid_client", 700027,
                    "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. The sandbox accepts client secrets only.");
            return;
        }
        if (!secretMatches(form.get("client_secret"))) {
            error(ctx, 400, "invalid_client", 7000215,
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                            + clientId + "'.");
            return;
        }
        String tokenTenant = ownTenant ? tenant.tenantId() : BOT_FRAMEWORK_TENANT;
        List<String> roles = audience == Audience.GRAPH ? List.copyOf(tenant.grantedRoles()) : List.of();
        long lifetime = tenant.tokens().lifetime().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", tenant.tokens().issue(clientId, tokenTenant, audience, roles));
        ctx.response().putHeader("Cache-Control", "no-store, no-cache");
        Responses.json(ctx, 200, body);
    }

    private boolean secretMatches(String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                tenant.app().clientSecret().getBytes(StandardCharsets.UTF_8));
    }

    private void openIdConfiguration(RoutingContext ctx) {
        String base = tenant.baseUrl() + "/" + ctx.pathParam("tenant");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("issuer", base + "/v2.0");
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        body.put("response_types_supported", List.of("token"));
        body.put("tenant_region_scope", "EU");
        Responses.json(ctx, 200, body);
    }

    /** The identity platform's error shape: error, error_description, error_codes, timestamp, trace_id, correlation_id. */
    private static void error(RoutingContext ctx, int status, String error, int code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("error_codes", List.of(code));
        body.put("timestamp", Instant.now().toString().replace('T', ' ').replace("Z", "Z"));
        body.put("trace_id", UUID.randomUUID().toString());
        body.put("correlation_id", UUID.randomUUID().toString());
        Responses.json(ctx, status, body);
    }
}
