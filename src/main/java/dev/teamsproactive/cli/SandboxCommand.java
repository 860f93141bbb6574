package dev.teamsproactive.cli;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sandbox}: only the local Graph / Bot Connector / token stand-in, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start the local stand-in for the token endpoint, Microsoft Graph and the Bot Connector.")
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8443;

    @Option(names = "--seed", paramLabel = "FILE", description = "Tenant file (JSON); default: the built-in tenant.")
    Path seed;

    @Option(names = "--users", paramLabel = "N", description = "Add N ordinary users (user1@… to userN@…).")
    int users;

    @Option(names = "--limits", paramLabel = "real|off|xK", description = "Microsoft's documented limits, none, or times K (default: real).")
    String limits = "real";

    @Option(names = "--latency-ms", paramLabel = "N", description = "Add N ms (±25%) to every answer.")
    long latencyMillis;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Inject faults, e.g. 5xx=0.05,429=0.02,reset=0.01,slow=0.01.")
    String faults;

    @Option(names = "--token-lifetime-s", paramLabel = "S", description = "Access token lifetime in seconds (default: 3599).")
    long tokenLifetimeSeconds = SandboxOptions.DEFAULT_TOKEN_LIFETIME.toSeconds();

    @Option(names = "--slow-chat-s", paramLabel = "S", description = "How long a slowChat user's chat stays hidden after the install (default: 3).")
    long slowChatSeconds = SandboxOptions.DEFAULT_SLOW_CHAT_DELAY.toSeconds();

    @Override
    public Integer call() throws Exception {
        SandboxOptions options;
        try {
            if (seed != null && !Files.isReadable(seed)) {
                throw new IllegalArgumentException("--seed: cannot read " + seed.toAbsolutePath());
            }
            options = new SandboxOptions(port, seed, users, LimitsMode.parse(limits), latencyMillis,
                    FaultSpec.parse(faults), Duration.ofSeconds(tokenLifetimeSeconds), Duration.ofSeconds(slowChatSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("The seed file " + seed + " is not a valid tenant file: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
            return 2;
        } catch (IllegalArgumentException | NullPointerException e) {
            System.err.println("The seed file " + seed + " is not a valid tenant file: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-stop"));
        System.out.println("Sandbox ready at " + sandbox.url());
        System.out.println("  tenant " + sandbox.tenant().tenantId() + ", client id " + sandbox.tenant().app().clientId()
                + ", limits " + options.limits() + ", " + sandbox.tenant().directory().userCount() + " users");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
