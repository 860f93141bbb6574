package dev.teamsproactive.sandbox;

import dev.teamsproactive.sandbox.auth.TokenIssuer;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.http.Service;
import dev.teamsproactive.sandbox.inspect.RequestLog;
import dev.teamsproactive.sandbox.limits.RateLimits;
import dev.teamsproactive.sandbox.tenant.Deliveries;
import dev.teamsproactive.sandbox.tenant.Directory;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Installations;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Everything one sandbox knows and counts: the seed, who has the app, what was delivered, the limits. */
public final class Tenant {
    private final Seed seed;
    private final Directory directory;
    private final Installations installations;
    private final Deliveries deliveries = new Deliveries();
    private final TokenIssuer tokens;
    private final RateLimits limits;
    private final RequestLog requests = new RequestLog();
    private volatile FaultSpec faults;
    private final Map<Service, FaultSpec> serviceFaults = new java.util.concurrent.ConcurrentHashMap<>();
    private final long latencyMillis;
    private final Duration slowChatDelay;
    private final Set<String> grantedRoles;
    private volatile String baseUrl;

    Tenant(Seed seed, SandboxOptions options) {
        this.seed = seed;
        this.directory = new Directory(seed, options.users());
        this.installations = new Installations(seed.app().catalogId(), seed.app().botAppId(), System::currentTimeMillis);
        this.tokens = new TokenIssuer(options.tokenLifetime());
        this.limits = new RateLimits(options.limits());
        this.faults = options.faults();
        this.latencyMillis = options.latencyMillis();
        this.slowChatDelay = options.slowChatDelay();
        this.grantedRoles = Set.copyOf(new HashSet<>(seed.grantedRoles()));
        preinstall();
    }

    private void preinstall() {
        for (Seed.User u : seed.users()) {
            if (u.installed()) {
                installations.preinstallForUser(u.id());
            }
        }
    }

    /** {@code POST /_sandbox/reset}: forget installs, chats, deliveries and counters; keep the seed. */
    public void reset() {
        installations.clear();
        deliveries.clear();
        requests.clear();
        limits.clear();
        preinstall();
    }

    public Seed seed() {
        return seed;
    }

    public String tenantId() {
        return seed.tenantId();
    }

    public Seed.App app() {
        return seed.app();
    }

    public Set<String> grantedRoles() {
        return grantedRoles;
    }

    public Directory directory() {
        return directory;
    }

    public Installations installations() {
        return installations;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public RateLimits limits() {
        return limits;
    }

    public RequestLog requests() {
        return requests;
    }

    public FaultSpec faults() {
        return faults;
    }

    /** Changes the injected faults while running: tests start and end an outage with it (e.g. 5xx=1 then none). */
    public void faults(FaultSpec changed) {
        this.faults = changed == null ? FaultSpec.NONE : changed;
        serviceFaults.clear();
    }

    /** The faults one service meets: its own when set, else the tenant-wide ones. */
    public FaultSpec faults(Service service) {
        return serviceFaults.getOrDefault(service, faults);
    }

    /** An outage of one service only (say, the token endpoint); {@link FaultSpec#NONE} ends it. */
    public void faults(Service service, FaultSpec changed) {
        serviceFaults.put(service, changed == null ? FaultSpec.NONE : changed);
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public Duration slowChatDelay() {
        return slowChatDelay;
    }

    /** Whether the chat of a user's installation can be looked up yet (the slowChat behaviour delays it). */
    public boolean chatReady(DirectoryUser user, Installations.Installation installation) {
        if (user.behavior() != dev.teamsproactive.sandbox.tenant.Behavior.SLOW_CHAT) {
            return true;
        }
        return System.currentTimeMillis() - installation.installedAtMillis() >= slowChatDelay.toMillis();
    }

    /** The sandbox's own base URL, e.g. https://127.0.0.1:8443 : Graph's, the authority's and the serviceUrl. */
    public String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }
}
