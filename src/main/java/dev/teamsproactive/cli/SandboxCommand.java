package dev.teamsproactive.cli;

import dev.teamsproactive.app.BuiltInSandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox}: only the local Graph / Bot Connector / token stand-in, until stopped.
 *
 * <p>Exit codes: 2 for a bad flag or seed file (one line on standard error naming the problem), 1 when the
 * sandbox cannot start (e.g. the port is taken); it otherwise runs until SIGTERM or Ctrl-C.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start the local stand-in for the token endpoint, Microsoft Graph and the Bot Connector.")
final class SandboxCommand implements Callable<Integer> {
    static final int BAD_USAGE = 2;
    static final int CANNOT_START = 1;

    @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8443;

    @Option(names = "--seed", paramLabel = "FILE", description = "Tenant file (JSON); default: the built-in tenant.")
    Path seed;

    @Option(names = "--users", paramLabel = "N", description = "Add N ordinary users (user1@… to userN@…).")
    int users;

    @Option(names = "--limits", paramLabel = "real|off|xK", description = "Microsoft's documented limits, none, or times K (default: real).")
    String limits = "real";

    @Option(names = "--latency-ms", paramLabel = "N", description = "Add N ms (±25%%) to every answer.")
    long latencyMillis;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Inject faults, e.g. 5xx=0.05,429=0.02,reset=0.01,slow=0.01.")
    String faults;

    @Option(names = "--token-lifetime-s", paramLabel = "S", description = "Access token lifetime in seconds (default: 3599).")
    long tokenLifetimeSeconds = BuiltInSandbox.DEFAULT_TOKEN_LIFETIME_SECONDS;

    @Option(names = "--slow-chat-s", paramLabel = "S", description = "How long a slowChat user's chat stays hidden after the install (default: 3).")
    long slowChatSeconds = BuiltInSandbox.DEFAULT_SLOW_CHAT_SECONDS;

    @Override
    public Integer call() throws Exception {
        BuiltInSandbox.Request request;
        try {
            request = new BuiltInSandbox.Request(port, seed, users, limits, latencyMillis, faults,
                    positiveSeconds("--token-lifetime-s", tokenLifetimeSeconds), Duration.ofSeconds(Math.max(0, slowChatSeconds)));
        } catch (IllegalArgumentException e) {
            return fail(BAD_USAGE, e.getMessage());
        }
        if (seed != null) {
            // Read it here first, so a broken file is reported as such, with its line, before anything starts.
            try {
                request.readSeed();
            } catch (IOException | RuntimeException e) {
                return fail(BAD_USAGE, SeedFileProblem.describe(seed, e));
            }
        }
        BuiltInSandbox sandbox;
        try {
            sandbox = request.start();
        } catch (IOException e) {
            return fail(CANNOT_START, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-stop"));
        System.out.println("Sandbox ready at " + sandbox.url());
        System.out.println("  tenant " + sandbox.tenantId() + ", client id " + sandbox.clientId()
                + ", limits " + request.limits() + ", " + usersLine(sandbox));
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String usersLine(BuiltInSandbox sandbox) {
        int n = sandbox.userCount();
        return n == 0 ? "no users" : n + " users (the last: " + sandbox.userPrincipalNameAt(n - 1) + ")";
    }

    private static Duration positiveSeconds(String flag, long seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int fail(int code, String message) {
        System.err.println("sandbox: " + message);
        return code;
    }
}
