package dev.teamsproactive.cli;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code send} share: where config and routes are, and which target. */
final class TargetOptions {
    @Option(names = "--config", paramLabel = "DIR", description = "Folder of application.properties, messages/, campaigns/ (default: ./config).")
    Path configDir = Path.of("config");

    @Option(names = "--routes", paramLabel = "DIR", description = "Folder of *.camel.yaml routes (default: ./routes when it exists, else the packaged routes).")
    Path routesDir;

    @Option(names = "--verbose", description = "Log everything (send, update, recall, resend show only progress and problems by default).")
    boolean verbose;

    @ArgGroup(exclusive = true)
    SandboxChoice sandbox;

    static final class SandboxChoice {
        @Option(names = "--sandbox", description = "Start the built-in sandbox in this process and send everything to it.")
        boolean inProcess;

        @Option(names = "--sandbox-url", paramLabel = "URL", description = "Send everything to a sandbox already running, e.g. https://127.0.0.1:8443.")
        String url;
    }

    Application.Options toOptions(boolean inbox) {
        if (!inbox) {
            LogLevels.quietUnless(verbose);
        }
        TargetResolver.Mode mode = sandbox == null ? TargetResolver.Mode.AUTO
                : sandbox.url != null ? TargetResolver.Mode.SANDBOX_URL : TargetResolver.Mode.SANDBOX;
        return new Application.Options(configDir, routesDir, mode, sandbox == null ? null : sandbox.url, inbox);
    }
}
