package dev.teamsproactive.app;

import dev.teamsproactive.config.Cloud;
import dev.teamsproactive.config.Secrets;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import dev.teamsproactive.tls.SandboxTls;
import java.io.IOException;
import java.util.Optional;

/**
 * Decides where calls go: Microsoft when any tenant setting is present (all of them are then required), a
 * sandbox started in this process with {@code --sandbox} or when no tenant setting is present, or a sandbox
 * already running elsewhere with {@code --sandbox-url}.
 */
public final class TargetResolver {
    /** How the command line asked for the target. */
    public enum Mode { AUTO, SANDBOX, SANDBOX_URL }

    private TargetResolver() {
    }

    /** The resolved target, and the in-process sandbox when one was started (to be closed with the app). */
    public record Resolved(Target target, BuiltInSandbox sandbox) {
    }

    /**
     * The settings that name a real tenant. Any one of them present means the user meant Microsoft: the target is
     * then the tenant, and a missing piece is an error naming it, never a silent switch to the sandbox.
     */
    static final java.util.List<String> TENANT_SETTINGS = java.util.List.of("teams.tenant-id", "teams.client-id",
            "teams.client-secret", "teams.client-certificate-file", "teams.app-external-id", "teams.bot-app-id",
            "teams.bot-client-secret");

    public static Resolved resolve(Settings settings, Mode mode, String sandboxUrl) throws IOException {
        if (mode == Mode.SANDBOX_URL) {
            return new Resolved(sandboxTarget(settings, sandboxUrl, "sandbox at " + sandboxUrl), null);
        }
        if (mode == Mode.SANDBOX || !namesATenant(settings)) {
            BuiltInSandbox sandbox = BuiltInSandbox.start();
            return new Resolved(sandboxTarget(settings, sandbox.url(), "built-in sandbox (" + sandbox.url() + ")"), sandbox);
        }
        Optional<String> secret = Secrets.read(settings, "teams.client-secret");
        Optional<String> certificate = settings.get("teams.client-certificate-file");
        requireTenantSettings(settings, secret.isPresent() || certificate.isPresent());
        Cloud cloud = Cloud.parse(settings.require("teams.cloud"));
        String tenant = settings.require("teams.tenant-id");
        String clientId = settings.require("teams.client-id");
        String botAppId = settings.get("teams.bot-app-id", clientId);
        String botSecret = Secrets.read(settings, "teams.bot-client-secret").orElse(secret.orElse(null));
        Target.Credentials credentials = new Target.Credentials(tenant, clientId, secret.orElse(null), botAppId, botSecret,
                settings.get("teams.bot-tenant-id", tenant), certificate.map(java.nio.file.Path::of).orElse(null),
                Secrets.read(settings, "teams.client-certificate-password").orElse(""));
        return new Resolved(new Target("tenant " + tenant + " (" + cloud.name().toLowerCase(java.util.Locale.ROOT)
                + " cloud)", settings.get("teams.authority-url", cloud.authority()),
                settings.get("teams.graph-url", cloud.graph()),
                settings.get("teams.bot-service-url", cloud.botServiceUrl()), credentials,
                settings.require("teams.app-external-id"), null, false, cloud), null);
    }

    /** Whether any setting (file or environment, secrets as files too) names a real tenant. */
    static boolean namesATenant(Settings settings) {
        for (String key : TENANT_SETTINGS) {
            if (settings.get(key).isPresent() || settings.get(key + "-file").isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Every piece a real tenant needs, each missing one named with the environment variable that gives it. */
    private static void requireTenantSettings(Settings settings, boolean hasCredential) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String key : java.util.List.of("teams.tenant-id", "teams.client-id", "teams.app-external-id")) {
            if (settings.get(key).isEmpty()) {
                missing.add(key + " (" + Settings.environmentName(key) + ")");
            }
        }
        if (!hasCredential) {
            missing.add("a client secret (TEAMS_CLIENT_SECRET, or teams.client-secret-file) or certificate"
                    + " (teams.client-certificate-file)");
        }
        if (!missing.isEmpty()) {
            java.util.List<String> present = TENANT_SETTINGS.stream()
                    .filter(k -> settings.get(k).isPresent() || settings.get(k + "-file").isPresent()).toList();
            throw new IllegalArgumentException("Settings name a Microsoft tenant (" + String.join(", ", present)
                    + ") but " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing. Nothing was sent. Set " + (missing.size() == 1 ? "it" : "them")
                    + ", or remove the tenant settings (or pass --sandbox) to use the built-in sandbox.");
        }
    }

    /** A sandbox's endpoints with the default tenant's credentials, unless settings name others. */
    private static Target sandboxTarget(Settings settings, String url, String description) throws IOException {
        BuiltInSandbox.DefaultTenant seed = BuiltInSandbox.defaultTenant();
        String tenant = settings.get("teams.tenant-id", seed.tenantId());
        String clientId = settings.get("teams.client-id", seed.clientId());
        String secret = Secrets.read(settings, "teams.client-secret").orElse(seed.clientSecret());
        Target.Credentials credentials = new Target.Credentials(tenant, clientId, secret,
                settings.get("teams.bot-app-id", clientId), Secrets.read(settings, "teams.bot-client-secret").orElse(secret),
                settings.get("teams.bot-tenant-id", tenant), null, null);
        return new Target(description, url, url, url, credentials,
                settings.get("teams.app-external-id", seed.appExternalId()), SandboxTls.clientContext(), true, Cloud.GLOBAL);
    }
}
