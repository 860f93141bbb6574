package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the chosen scenarios, each group against its own sandbox process, the service as its own process per campaign
 * ({@code send FILE --sandbox-url URL}); prints one {@code BENCH {json}} line per scenario and
 * the details of each run (requests, 429s, outcomes) on the log stream.
 */
public final class BenchSuite {
    /** A rate far above anything the engine reaches: pacing that never waits, for the unlimited scenarios. */
    private static final String NO_PACING = "1000000";
    /** Two seconds of the limited scenarios' ceiling: enough for the JIT to compile a campaign's paths. */
    static final int WARM_UP_USERS = 60;
    private static final List<String> PACED_BUCKETS = List.of("INSTALL", "INSTALLED_APPS", "TEAMS_GET", "BOT_SENDS", "IDENTITY");

    /** How many users each group sends to, and how the service JVM is started. */
    public record Sizes(int limitedUsers, int unlimitedUsers, int millionUsers, int latencyMs, int answers,
            int answerSenders) {
    }

    private final BenchSetup setup;
    private final Path work;
    private final SendBench sends;
    private final ClusterScenarios cluster;

    public BenchSuite(Path jar, Path work, Sizes sizes, List<String> serviceJvmFlags, PrintStream out, PrintStream log) {
        this(jar, work, sizes, serviceJvmFlags, out, log, null, null);
    }

    /** As above; the cluster scenarios run against the database at {@code ledgerUrl} (as {@code ledgerUser}). */
    public BenchSuite(Path jar, Path work, Sizes sizes, List<String> serviceJvmFlags, PrintStream out, PrintStream log,
            String ledgerUrl, String ledgerUser) {
        this.setup = new BenchSetup(jar, sizes, serviceJvmFlags, new BenchLines(out, log), log);
        this.work = work;
        this.sends = new SendBench(setup);
        ClusterDatabase database = ledgerUrl == null ? null : new ClusterDatabase(ledgerUrl, ledgerUser);
        this.cluster = new ClusterScenarios(setup, database);
    }

    public void run(Set<Scenario> chosen) throws IOException, InterruptedException {
        for (Scenario.Group group : Scenario.Group.values()) {
            EnumSet<Scenario> inGroup = EnumSet.noneOf(Scenario.class);
            chosen.stream().filter(s -> s.group == group).forEach(inGroup::add);
            if (!inGroup.isEmpty()) {
                runGroup(group, inGroup);
            }
        }
    }

    private void runGroup(Scenario.Group group, Set<Scenario> chosen) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(group.name().toLowerCase(Locale.ROOT)));
        if (group == Scenario.Group.SEND) {
            sends.run(dir, chosen);
            return;
        }
        if (group == Scenario.Group.XLSX) {
            setup.lines().report(Scenario.XLSX_MILLION, new WorkbookBench(setup).run(dir));
            return;
        }
        if (group == Scenario.Group.ANSWERS) {
            new AnswersBench(setup, dir, noPacing()).run();
            return;
        }
        if (group == Scenario.Group.CLUSTER) {
            cluster.run(dir, chosen);
            return;
        }
        int users = switch (group) {
            case LIMITED, SEND, CLUSTER -> setup.sizes().limitedUsers();
            case UNLIMITED -> setup.sizes().unlimitedUsers();
            case MILLION, XLSX -> setup.sizes().millionUsers();
            case ANSWERS -> setup.sizes().answers();
        };
        // More users, never in a measured file: each service process warms up with a campaign to them first (the
        // cold service to never-contacted ones, the warm one to the same, now cached). A campaign's first seconds
        // run slower while the JIT compiles its paths; one warm-up recipient left that inside the measured 20 s.
        int firstWarmUpUser = users + 1;
        int lastWarmUpUser = users + WARM_UP_USERS;
        List<String> sandboxFlags = new ArrayList<>(List.of("--users", Integer.toString(lastWarmUpUser)));
        if (group == Scenario.Group.LIMITED) {
            sandboxFlags.addAll(List.of("--limits", "real", "--latency-ms", Integer.toString(setup.sizes().latencyMs())));
        } else {
            sandboxFlags.addAll(List.of("--limits", "off"));
        }
        // Limited runs find users by UPN (an identity lookup each, as most files name people); unlimited ones by id.
        RecipientFiles.Key key = group == Scenario.Group.LIMITED ? RecipientFiles.Key.UPN : RecipientFiles.Key.ID;
        List<String> jvm = new ArrayList<>(setup.serviceJvmFlags());
        if (group == Scenario.Group.MILLION) {
            jvm.add("-Xmx256m");
        }
        Map<String, String> environment = group == Scenario.Group.LIMITED ? Map.of() : noPacing();
        setup.log().printf("bench: %s: sandbox %s, work folder %s%n", group.name().toLowerCase(Locale.ROOT),
                String.join(" ", sandboxFlags), dir);
        try (SandboxProcess sandbox = SandboxProcess.start(setup.jar(), dir.resolve("sandbox.log"), sandboxFlags)) {
            Scenario cold = chosen.stream().filter(s -> !s.warm).findFirst().orElse(null);
            Scenario warm = chosen.stream().filter(s -> s.warm).findFirst().orElse(null);
            Path staged = Files.createDirectories(dir.resolve("files"));
            Path coldFile = RecipientFiles.write(staged.resolve("cold.csv"), 1, users, key);
            Path warmFile = Files.copy(coldFile, staged.resolve("warm.csv"));
            // A warm run needs the cold run of the same users first; when not asked for, it runs unmeasured.
            Measured first = measure(sandbox, dir, "cold", coldFile, RecipientFiles.write(staged.resolve("warm-up-1.csv"),
                    firstWarmUpUser, lastWarmUpUser, key), jvm, environment);
            if (cold != null) {
                setup.lines().report(cold, first);
            } else {
                setup.log().printf("bench: the cold run before %s (not asked for, not measured): %s%n", warm.label(),
                        first.details());
            }
            if (warm != null) {
                setup.lines().report(warm, measure(sandbox, dir, "warm", warmFile, RecipientFiles.write(
                        staged.resolve("warm-up-2.csv"), firstWarmUpUser, lastWarmUpUser, key), jvm, environment));
            }
        }
    }

    static Map<String, String> noPacing() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        for (String bucket : PACED_BUCKETS) {
            env.put("TEAMS_PACING_" + bucket + "_PER_SECOND", NO_PACING);
        }
        return env;
    }

    /** A new service process: a one-recipient campaign to warm it up, then the measured campaign, then its heap peak. */
    private Measured measure(SandboxProcess sandbox, Path dir, String name, Path file, Path warmUp, List<String> jvm,
            Map<String, String> environment) throws IOException, InterruptedException {
        try (ServiceProcess service = ServiceProcess.start(setup.jar(), dir, name, sandbox.url(), jvm, environment)) {
            service.send(warmUp);
            SandboxProcess.Stats before = sandbox.stats();
            JsonNode summary = service.send(file);
            SandboxProcess.Stats stats = sandbox.stats().minus(before);
            return new Measured(summary, stats, service.stop());
        }
    }
}
