package dev.teamsproactive.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.app.AppPackageIds;
import dev.teamsproactive.appmanifest.AppPackage;
import dev.teamsproactive.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code manifest --out teams-app.zip}: the Teams app package a tenant admin uploads. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "Write the Teams app package (manifest.json and two icons) a tenant admin uploads.")
final class ManifestCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "DIR", description = "Folder of application.properties (default: ./config).")
    Path configDir = Path.of("config");

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The zip to write, e.g. teams-app.zip.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(configDir, System.getenv());
        AppPackage.Ids ids = AppPackageIds.resolve(settings);
        ObjectNode manifest = AppPackage.write(out, settings, ids);
        System.out.println("Wrote " + out + ": manifest.json (app id " + ids.appId() + ", bot id " + ids.botAppId()
                + (manifest.has("authorization") ? ", asks for read receipts" : "") + "), "
                + AppPackage.COLOR_ICON + " and " + AppPackage.OUTLINE_ICON + ".");
        if (AppPackageIds.sandbox(settings)) {
            System.out.println("The ids are the built-in sandbox's: no tenant setting is present.");
        }
        System.out.println("The icons are placeholders: replace " + AppPackage.COLOR_ICON + " (192x192, full colour) and "
                + AppPackage.OUTLINE_ICON + " (32x32, white on transparent) in the zip with your own, same names and sizes.");
        return 0;
    }
}
