package dev.teamsproactive.app;

import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one door from the product to the sandbox that runs inside this process (for {@code --sandbox}, the
 * {@code sandbox} command and {@code bench-sandbox}). Everything else reaches the sandbox over HTTP only, as it
 * would reach Microsoft, so the product cannot come to depend on how the stand-in works.
 */
public final class BuiltInSandbox implements AutoCloseable {
    /** The sandbox's own defaults, for the {@code sandbox} command's help. */
    public static final long DEFAULT_TOKEN_LIFETIME_SECONDS = SandboxOptions.DEFAULT_TOKEN_LIFETIME.toSeconds();
    public static final long DEFAULT_SLOW_CHAT_SECONDS = SandboxOptions.DEFAULT_SLOW_CHAT_DELAY.toSeconds();

    /** The credentials of the sandbox's built-in tenant, which a client uses unless settings name others. */
    public record DefaultTenant(String tenantId, String clientId, String clientSecret, String appExternalId) {
    }

    private final Sandbox sandbox;

    private BuiltInSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A sandbox with the built-in tenant and Microsoft's documented limits, on a free port. */
    public static BuiltInSandbox start() throws IOException {
        return new BuiltInSandbox(Sandbox.start(SandboxOptions.defaults()));
    }

    /** As {@link #start()}, without limits: for measuring how fast the sandbox itself answers. */
    public static BuiltInSandbox startUnlimited() throws IOException {
        return new BuiltInSandbox(Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF)));
    }

    public static DefaultTenant defaultTenant() throws IOException {
        Seed seed = Seed.defaultTenant();
        return new DefaultTenant(seed.tenantId(), seed.app().clientId(), seed.app().clientSecret(), seed.app().externalId());
    }

    /** The {@code sandbox} command's request, its flags checked; {@link #start()} then starts it. */
    public static final class Request {
        private final SandboxOptions options;
        private final Path seed;

        /** @throws IllegalArgumentException naming the flag whose value is wrong */
        public Request(int port, Path seed, int users, String limits, long latencyMillis, String faults,
                Duration tokenLifetime, Duration slowChatDelay) {
            this.options = new SandboxOptions(port, seed, users, LimitsMode.parse(limits), latencyMillis,
                    FaultSpec.parse(faults), tokenLifetime, slowChatDelay);
            this.seed = seed;
        }

        /** Reads the tenant file, if one was named, so a broken one is reported before anything starts. */
        public void readSeed() throws IOException {
            if (seed != null) {
                Seed.read(seed);
            }
        }

        public String limits() {
            return String.valueOf(options.limits());
        }

        public BuiltInSandbox start() throws IOException {
            return new BuiltInSandbox(Sandbox.start(options));
        }
    }

    public String url() {
        return sandbox.url();
    }

    public String tenantId() {
        return sandbox.tenant().tenantId();
    }

    public String clientId() {
        return sandbox.tenant().app().clientId();
    }

    public int userCount() {
        return sandbox.tenant().directory().userCount();
    }

    public String userPrincipalNameAt(int index) {
        return sandbox.tenant().directory().userAt(index).userPrincipalName();
    }

    /** The sandbox's tenant, for tests that look at what it received. */
    public Tenant tenant() {
        return sandbox.tenant();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
