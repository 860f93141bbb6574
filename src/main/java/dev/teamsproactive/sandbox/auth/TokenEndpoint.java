package dev.teamsproactive.sandbox.auth;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity platform's v2.0 token endpoint for the client-credentials grant with a secret or a
 * certificate assertion, plus the OpenID
 * metadata document.
 *
 * <p>Checks run in the order Entra ID's do: the tenant in the path, the request's own parameters
 * (grant type, client id, scope), then the client's credential. Every refusal is a 400 in the identity
 * error shape ({@link IdentityErrors}); a wrong client or secret is always {@code 400 invalid_client}
 * (Entra ID itself answers some of these with 401 or {@code unauthorized_client}).
 */
public final class TokenEndpoint {
    /** The tenant a multi-tenant bot asks its Bot Connector token from. */
    public static final String BOT_FRAMEWORK_TENANT = "botframework.com";
    /** The Bot Framework tenant's id: the {@code tid} of tokens it issues (Bot Framework authentication docs). */
    public static final String BOT_FRAMEWORK_TENANT_ID = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final Tenant tenant;
    private final Optional<ClientAssertions> assertions;

    public TokenEndpoint(Tenant tenant) {
        this.tenant = tenant;
        this.assertions = ClientAssertions.of(tenant.app().certificate());
    }

    public void register(Api api) {
        api.on(HttpMethod.POST, "/:tenant/oauth2/v2.0/token", Service.IDENTITY, (ctx, caller) -> token(ctx));
        api.on(HttpMethod.GET, "/:tenant/v2.0/.well-known/openid-configuration", Service.IDENTITY,
                (ctx, caller) -> openIdConfiguration(ctx));
    }

    private void token(RoutingContext ctx) {
        String tenantInPath = ctx.pathParam("tenant");
        boolean ownTenant = tenant.tenantId().equalsIgnoreCase(tenantInPath);
        boolean botFrameworkTenant = BOT_FRAMEWORK_TENANT.equalsIgnoreCase(tenantInPath);
        if (!ownTenant && !botFrameworkTenant) {
            IdentityErrors.send(ctx, 400, "invalid_request", 90002, "AADSTS90002: Tenant '" + tenantInPath
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        String grantType = form.get("grant_type");
        if (grantType == null) {
            missingParameter(ctx, "grant_type");
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            IdentityErrors.send(ctx, 400, "unsupported_grant_type", 70003,
                    "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'.");
            return;
        }
        String clientId = form.get("client_id");
        if (clientId == null) {
            missingParameter(ctx, "client_id");
            return;
        }
        String scope = form.get("scope");
        if (scope == null) {
            missingParameter(ctx, "scope");
            return;
        }
        Audience audience = Audience.ofScope(scope);
        if (audience == null) {
            unusableScope(ctx, scope, tenantInPath);
            return;
        }
        if (botFrameworkTenant && audience != Audience.BOT_CONNECTOR) {
            // Only the Bot Connector resource is asked from the Bot Framework tenant (multi-tenant bots).
            IdentityErrors.send(ctx, 400, "invalid_resource", 500011, "AADSTS500011: The resource principal named "
                    + audience.uri() + " was not found in the tenant named " + BOT_FRAMEWORK_TENANT
                    + ". Ask Graph tokens from your own tenant.");
            return;
        }
        if (!clientId.equalsIgnoreCase(tenant.app().clientId())) {
            IdentityErrors.send(ctx, 400, "invalid_client", 700016, "AADSTS700016: Application with identifier '"
                    + clientId + "' was not found in the directory '" + tenantInPath + "'.");
            return;
        }
        if (!clientAuthenticated(ctx, form, clientId, tenantInPath)) {
            return;
        }
        issue(ctx, clientId, ownTenant ? tenant.tenantId() : BOT_FRAMEWORK_TENANT_ID, audience);
    }

    /** Checks the secret or the certificate assertion; answers the error itself and returns false when it fails. */
    private boolean clientAuthenticated(RoutingContext ctx, MultiMap form, String clientId, String tenantInPath) {
        String assertion = form.get("client_assertion");
        String secret = form.get("client_secret");
        if (assertion != null) {
            return assertionAccepted(ctx, form, assertion, clientId, tenantInPath);
        }
        if (secret == null) {
            IdentityErrors.send(ctx, 400, "invalid_client", 7000218, "AADSTS7000218: The request body must contain"
                    + " the following parameter: 'client_assertion' or 'client_secret'.");
            return false;
        }
        if (!secretMatches(secret)) {
            IdentityErrors.send(ctx, 400, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided."
                    + " Ensure the secret being sent in the request is the client secret value, not the client secret ID,"
                    + " for a secret added to app '" + clientId + "'.");
            return false;
        }
        return true;
    }

    private boolean assertionAccepted(RoutingContext ctx, MultiMap form, String assertion, String clientId,
            String tenantInPath) {
        if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
            IdentityErrors.send(ctx, 400, "invalid_request", 50027, "AADSTS50027: client_assertion_type must be '"
                    + JWT_BEARER + "'.");
            return false;
        }
        if (assertions.isEmpty()) {
            IdentityErrors.send(ctx, 400, "invalid_client", 700027, "AADSTS700027: No certificate is registered on"
                    + " application '" + clientId + "' to check the client assertion (the seed's app.certificate is empty).");
            return false;
        }
        Optional<String> problem = assertions.get().problem(assertion, clientId, tenantInPath);
        if (problem.isPresent()) {
            IdentityErrors.send(ctx, 400, "invalid_client", 700027, "AADSTS700027: Client assertion failed signature"
                    + " validation or its claims are wrong: " + problem.get() + ".");
            return false;
        }
        return true;
    }

    private void issue(RoutingContext ctx, String clientId, String tokenTenant, Audience audience) {
        // Bot Connector tokens carry no application roles; Graph tokens carry what the admin granted.
        List<String> roles = audience == Audience.GRAPH ? List.copyOf(tenant.grantedRoles()) : List.of();
        long lifetime = tenant.tokens().lifetime().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", tenant.tokens().issue(clientId, tokenTenant, audience, roles));
        IdentityErrors.noStoreHeaders(ctx);
        Responses.json(ctx, 200, body);
    }

    /** A scope the client-credentials grant cannot use: not {@code <resource>/.default}, or an unknown resource. */
    private static void unusableScope(RoutingContext ctx, String scope, String tenantInPath) {
        String first = scope.trim().split("\\s+")[0];
        if (first.endsWith("/.default")) {
            String resource = first.substring(0, first.length() - "/.default".length());
            IdentityErrors.send(ctx, 400, "invalid_resource", 500011, "AADSTS500011: The resource principal named "
                    + resource + " was not found in the tenant named " + tenantInPath
                    + ". The sandbox serves https://graph.microsoft.com and https://api.botframework.com.");
            return;
        }
        IdentityErrors.send(ctx, 400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope "
                + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed"
                + " to the resource identifier (application ID URI).");
    }

    private static void missingParameter(RoutingContext ctx, String name) {
        IdentityErrors.send(ctx, 400, "invalid_request", 900144,
                "AADSTS900144: The request body must contain the following parameter: '" + name + "'.");
    }

    private boolean secretMatches(String given) {
        if (tenant.app().clientSecret() == null) {
            return false; // an app registered with a certificate only
        }
        // Constant-time, so the sandbox does not teach clients a timing habit that would be unsafe elsewhere.
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                tenant.app().clientSecret().getBytes(StandardCharsets.UTF_8));
    }

    private void openIdConfiguration(RoutingContext ctx) {
        String base = tenant.baseUrl() + "/" + ctx.pathParam("tenant");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("issuer", base + "/v2.0");
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt"));
        body.put("response_types_supported", List.of("token"));
        body.put("tenant_region_scope", "EU");
        Responses.json(ctx, 200, body);
    }
}
