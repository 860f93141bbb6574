package dev.teamsproactive.sandbox;

import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start a sandbox: the {@code sandbox} command's flags, plus
 * {@code tokenLifetime} and {@code slowChatDelay} so tests can make refresh and slow-chat paths run quickly.
 *
 * @param port           0 picks a free port
 * @param seed           a tenant file; null for the default tenant
 * @param users          extra ordinary users ({@code --users N})
 * @param latencyMillis  added to every answer, with jitter of a quarter either way
 */
public record SandboxOptions(int port, Path seed, int users, LimitsMode limits, long latencyMillis, FaultSpec faults,
        Duration tokenLifetime, Duration slowChatDelay) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);
    public static final Duration DEFAULT_SLOW_CHAT_DELAY = Duration.ofSeconds(3);

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        if (users < 0) {
            throw new IllegalArgumentException("--users must not be negative");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("--latency-ms must not be negative");
        }
        limits = limits == null ? LimitsMode.REAL : limits;
        faults = faults == null ? FaultSpec.NONE : faults;
        tokenLifetime = tokenLifetime == null ? DEFAULT_TOKEN_LIFETIME : tokenLifetime;
        slowChatDelay = slowChatDelay == null ? DEFAULT_SLOW_CHAT_DELAY : slowChatDelay;
    }

    /** The default tenant on a free port, documented limits, no latency, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, 0, LimitsMode.REAL, 0, FaultSpec.NONE, null, null);
    }

    public SandboxOptions withPort(int p) {
        return new SandboxOptions(p, seed, users, limits, latencyMillis, faults, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withSeed(Path s) {
        return new SandboxOptions(port, s, users, limits, latencyMillis, faults, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withUsers(int n) {
        return new SandboxOptions(port, seed, n, limits, latencyMillis, faults, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withLimits(LimitsMode l) {
        return new SandboxOptions(port, seed, users, l, latencyMillis, faults, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withLatencyMillis(long ms) {
        return new SandboxOptions(port, seed, users, limits, ms, faults, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withFaults(FaultSpec f) {
        return new SandboxOptions(port, seed, users, limits, latencyMillis, f, tokenLifetime, slowChatDelay);
    }

    public SandboxOptions withTokenLifetime(Duration d) {
        return new SandboxOptions(port, seed, users, limits, latencyMillis, faults, d, slowChatDelay);
    }

    public SandboxOptions withSlowChatDelay(Duration d) {
        return new SandboxOptions(port, seed, users, limits, latencyMillis, faults, tokenLifetime, d);
    }
}
