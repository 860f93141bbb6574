package dev.teamsproactive.app;

import dev.teamsproactive.appmanifest.AppPackage;
import dev.teamsproactive.config.Settings;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The ids the Teams app package carries, decided as {@link TargetResolver} decides the target: a real tenant's when
 * any tenant setting is present (then each id is required), else the built-in sandbox's, so the package builds out
 * of the box.
 */
public final class AppPackageIds {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private AppPackageIds() {
    }

    /** Whether the ids are the built-in sandbox's (no tenant setting present). */
    public static boolean sandbox(Settings settings) {
        return !TargetResolver.namesATenant(settings);
    }

    /** @throws IllegalArgumentException naming the setting that is missing or is not a GUID */
    public static AppPackage.Ids resolve(Settings settings) throws IOException {
        if (sandbox(settings)) {
            BuiltInSandbox.DefaultTenant seed = BuiltInSandbox.defaultTenant();
            String clientId = settings.get("teams.client-id", seed.clientId());
            return new AppPackage.Ids(settings.get("teams.app-external-id", seed.appExternalId()),
                    settings.get("teams.bot-app-id", clientId), clientId);
        }
        String clientId = guid(settings, "teams.client-id", "the Entra app that calls Graph");
        String appId = guid(settings, "teams.app-external-id", "the Teams app's id, a GUID you choose once");
        String botAppId = settings.get("teams.bot-app-id").isPresent()
                ? guid(settings, "teams.bot-app-id", "the bot's app id") : clientId;
        return new AppPackage.Ids(appId, botAppId, clientId);
    }

    private static String guid(Settings settings, String key, String meaning) {
        String value = settings.get(key).orElseThrow(() -> new IllegalArgumentException("The app package needs "
                + key + " (" + meaning + "): set it in " + settings.configDir().resolve("application.properties")
                + " or as the environment variable " + Settings.environmentName(key) + ". Nothing was written."));
        if (!GUID.matcher(value).matches()) {
            throw new IllegalArgumentException("The setting " + key + " (" + meaning + ") must be a GUID such as"
                    + " 3b1f8a2c-5d6e-4f70-8a9b-0c1d2e3f4a5b, not '" + value + "'. Nothing was written.");
        }
        return value;
    }
}
