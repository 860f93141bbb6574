package dev.teamsproactive.cli;

import dev.teamsproactive.app.BuiltInSandbox;
import dev.teamsproactive.bench.LoadResult;
import dev.teamsproactive.bench.SandboxLoad;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-sandbox}: how many requests per second the sandbox itself serves, so benchmarks of the
 * pipeline know the sandbox is not what limits them. Prints one line of figures.
 */
@Command(name = "bench-sandbox", mixinStandardHelpOptions = true,
        description = {
            "Measure the requests per second the sandbox serves with --limits off, over HTTPS keep-alive (HTTP/1.1).",
            "Starts a sandbox with the default tenant inside this process (or uses --url), opens --connections",
            "connections that each send client-credentials token requests back to back (the token endpoint runs the",
            "same pipeline as Graph and the Bot Connector: faults, latency, recording), warms up, then measures.",
            "Prints: SANDBOX-BENCH <requests/s>, p50, p99, errors, then the same as JSON. Exits 1 if any request failed."
        })
final class BenchSandboxCommand implements Callable<Integer> {
    @Option(names = "--connections", paramLabel = "N", description = "Keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections = 16;

    @Option(names = "--seconds", paramLabel = "S", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "Seconds of unmeasured warm-up first (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 3;

    @Option(names = "--url", paramLabel = "URL",
            description = "Measure a sandbox already running (started with the default tenant and --limits off) instead of starting one.")
    String url;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || seconds < 1 || warmupSeconds < 0) {
            System.err.println("bench-sandbox: --connections and --seconds must be at least 1, --warmup-seconds at least 0");
            return SandboxCommand.BAD_USAGE;
        }
        BuiltInSandbox.DefaultTenant tenant = BuiltInSandbox.defaultTenant();
        BuiltInSandbox sandbox = url == null ? BuiltInSandbox.startUnlimited() : null;
        try {
            String base = sandbox != null ? sandbox.url() : url;
            SandboxLoad load = new SandboxLoad(new SandboxLoad.Target(base, tenant.tenantId(), tenant.clientId(),
                    tenant.clientSecret()), connections);
            LoadResult result = load.run(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds));
            System.out.println(result.line(sandbox != null ? "off" : "as started"));
            return result.errors() == 0 ? 0 : 1;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
