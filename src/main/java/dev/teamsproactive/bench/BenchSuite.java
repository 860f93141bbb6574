package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A rate far above anything the engine reaches: pacing that never waits, for the unlimited scenarios. */
    private static final String NO_PACING = "1000000";
    /** Two seconds of the limited scenarios' ceiling: enough for the JIT to compile a campaign's paths. */
    private static final int WARM_UP_USERS = 60;
    private static final List<String> PACED_BUCKETS = List.of("INSTALL", "INSTALLED_APPS", "TEAMS_GET", "BOT_SENDS", "IDENTITY");

    /** How many users each group sends to, and how the service JVM is started. */
    public record Sizes(int limitedUsers, int unlimitedUsers, int millionUsers, int latencyMs, int answers,
            int answerSenders) {
    }

    private final Path jar;
    private final Path work;
    private final Sizes sizes;
    private final List<String> serviceJvmFlags;
    private final PrintStream out;
    private final PrintStream log;
    /** The PostgreSQL database of the cluster scenarios (bench --ledger-url), or null. */
    private final ClusterBench.Database database;

    public BenchSuite(Path jar, Path work, Sizes sizes, List<String> serviceJvmFlags, PrintStream out, PrintStream log) {
        this(jar, work, sizes, serviceJvmFlags, out, log, null, null);
    }

    /** As above; the cluster scenarios run against the database at {@code ledgerUrl} (as {@code ledgerUser}). */
    public BenchSuite(Path jar, Path work, Sizes sizes, List<String> serviceJvmFlags, PrintStream out, PrintStream log,
            String ledgerUrl, String ledgerUser) {
        this.database = ledgerUrl == null ? null : new ClusterBench.Database(ledgerUrl, ledgerUser);
        this.jar = jar;
        this.work = work;
        this.sizes = sizes;
        this.serviceJvmFlags = serviceJvmFlags;
        this.out = out;
        this.log = log;
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
            runSends(dir, chosen);
            return;
        }
        if (group == Scenario.Group.XLSX) {
            report(Scenario.XLSX_MILLION, readWorkbook(dir));
            return;
        }
        if (group == Scenario.Group.ANSWERS) {
            new AnswersBench(jar, dir, sizes.answers(), sizes.answerSenders(), serviceJvmFlags, noPacing(), out, log).run();
            return;
        }
        if (group == Scenario.Group.CLUSTER) {
            runCluster(dir, chosen);
            return;
        }
        int users = switch (group) {
            case LIMITED, SEND, CLUSTER -> sizes.limitedUsers();
            case UNLIMITED -> sizes.unlimitedUsers();
            case MILLION, XLSX -> sizes.millionUsers();
            case ANSWERS -> sizes.answers();
        };
        // More users, never in a measured file: each service process warms up with a campaign to them first (the
        // cold service to never-contacted ones, the warm one to the same, now cached). A campaign's first seconds
        // run slower while the JIT compiles its paths; one warm-up recipient left that inside the measured 20 s.
        int firstWarmUpUser = users + 1;
        int lastWarmUpUser = users + WARM_UP_USERS;
        List<String> sandboxFlags = new ArrayList<>(List.of("--users", Integer.toString(lastWarmUpUser)));
        if (group == Scenario.Group.LIMITED) {
            sandboxFlags.addAll(List.of("--limits", "real", "--latency-ms", Integer.toString(sizes.latencyMs())));
        } else {
            sandboxFlags.addAll(List.of("--limits", "off"));
        }
        // Limited runs find users by UPN (an identity lookup each, as most files name people); unlimited ones by id.
        RecipientFiles.Key key = group == Scenario.Group.LIMITED ? RecipientFiles.Key.UPN : RecipientFiles.Key.ID;
        List<String> jvm = new ArrayList<>(serviceJvmFlags);
        if (group == Scenario.Group.MILLION) {
            jvm.add("-Xmx256m");
        }
        Map<String, String> environment = group == Scenario.Group.LIMITED ? Map.of() : noPacing();
        log.printf("bench: %s: sandbox %s, work folder %s%n", group.name().toLowerCase(Locale.ROOT),
                String.join(" ", sandboxFlags), dir);
        try (SandboxProcess sandbox = SandboxProcess.start(jar, dir.resolve("sandbox.log"), sandboxFlags)) {
            Scenario cold = chosen.stream().filter(s -> !s.warm).findFirst().orElse(null);
            Scenario warm = chosen.stream().filter(s -> s.warm).findFirst().orElse(null);
            Path staged = Files.createDirectories(dir.resolve("files"));
            Path coldFile = RecipientFiles.write(staged.resolve("cold.csv"), 1, users, key);
            Path warmFile = Files.copy(coldFile, staged.resolve("warm.csv"));
            // A warm run needs the cold run of the same users first; when not asked for, it runs unmeasured.
            Measured first = measure(sandbox, dir, "cold", coldFile, RecipientFiles.write(staged.resolve("warm-up-1.csv"),
                    firstWarmUpUser, lastWarmUpUser, key), jvm, environment);
            if (cold != null) {
                report(cold, first);
            } else {
                log.printf("bench: the cold run before %s (not asked for, not measured): %s%n", warm.label(), first.details());
            }
            if (warm != null) {
                report(warm, measure(sandbox, dir, "warm", warmFile, RecipientFiles.write(staged.resolve("warm-up-2.csv"),
                        firstWarmUpUser, lastWarmUpUser, key), jvm, environment));
            }
        }
    }

    /**
     * cold-send, warm-send: each campaign a fresh {@code send FILE} process against the limited sandbox, with no
     * warm-up of that process, as a user runs it. Its time is the campaign's, from its registration (before preflight)
     * to its report: preflight and the JIT's first seconds count. The process's whole time (JVM and Camel start
     * included) is logged. The sandbox itself is warmed first by an unmeasured send to other users: Microsoft's
     * services are never cold, and a sandbox compiling its own paths would be measured as the product's start.
     */
    private void runSends(Path dir, Set<Scenario> chosen) throws IOException, InterruptedException {
        int users = sizes.limitedUsers();
        int lastWarmUpUser = users + WARM_UP_USERS;
        List<String> sandboxFlags = List.of("--users", Integer.toString(lastWarmUpUser), "--limits", "real",
                "--latency-ms", Integer.toString(sizes.latencyMs()));
        log.printf("bench: send: sandbox %s, work folder %s%n", String.join(" ", sandboxFlags), dir);
        try (SandboxProcess sandbox = SandboxProcess.start(jar, dir.resolve("sandbox.log"), sandboxFlags)) {
            Path staged = Files.createDirectories(dir.resolve("files"));
            Path coldFile = RecipientFiles.write(staged.resolve("cold-send.csv"), 1, users, RecipientFiles.Key.UPN);
            Path warmFile = Files.copy(coldFile, staged.resolve("warm-send.csv"));
            Path config = ServiceProcess.configIn(dir);
            Measured sandboxWarmUp = sendProcess(sandbox, dir, config, RecipientFiles.write(
                    staged.resolve("sandbox-warm-up.csv"), users + 1, lastWarmUpUser, RecipientFiles.Key.UPN));
            log.printf("bench: the sandbox's warm-up send (not measured): %s%n", sandboxWarmUp.details());
            Measured cold = sendProcess(sandbox, dir, config, coldFile);
            if (chosen.contains(Scenario.COLD_SEND)) {
                report(Scenario.COLD_SEND, cold);
            } else {
                log.printf("bench: the cold send before warm-send (not asked for, not measured): %s%n", cold.details());
            }
            if (chosen.contains(Scenario.WARM_SEND)) {
                report(Scenario.WARM_SEND, sendProcess(sandbox, dir, config, warmFile));
            }
        }
    }

    /**
     * cluster-cold, cluster-warm, cluster-takeover: three instances sharing the PostgreSQL database, one working folder
     * and the sandbox at --limits real (ClusterBench). The limited scenarios' users, split over three files per round.
     */
    private void runCluster(Path dir, Set<Scenario> chosen) throws IOException, InterruptedException {
        if (database == null) {
            throw new IOException("the cluster scenarios need a PostgreSQL database: --ledger-url jdbc:postgresql://…");
        }
        int users = sizes.limitedUsers();
        ClusterBench cluster = new ClusterBench(jar, dir, database, users, sizes.latencyMs(), serviceJvmFlags, log);
        cluster.checkEmpty();
        List<String> sandboxFlags = List.of("--users", Integer.toString(users + ClusterBench.INSTANCES * WARM_UP_USERS),
                "--limits", "real", "--latency-ms", Integer.toString(sizes.latencyMs()));
        log.printf("bench: cluster: sandbox %s, ledger %s, work folder %s%n", String.join(" ", sandboxFlags),
                database.url(), dir);
        ServiceProcess.Heap noHeap = new ServiceProcess.Heap(Double.NaN, Double.NaN);
        try (SandboxProcess sandbox = SandboxProcess.start(jar, dir.resolve("sandbox.log"), sandboxFlags)) {
            cluster.run(sandbox, chosen.contains(Scenario.CLUSTER_TAKEOVER), new ClusterBench.RoundSink() {
                @Override
                public void cold(ClusterBench.Round round) {
                    reportIfChosen(Scenario.CLUSTER_COLD, new Measured(round.summary(), round.stats(), noHeap));
                }

                @Override
                public void warm(ClusterBench.Round round) {
                    reportIfChosen(Scenario.CLUSTER_WARM, new Measured(round.summary(), round.stats(), noHeap));
                }

                @Override
                public void takeover(ClusterBench.Takeover takeover) {
                    reportTakeover(takeover);
                }

                private void reportIfChosen(Scenario scenario, Measured measured) {
                    if (chosen.contains(scenario)) {
                        report(scenario, measured);
                    } else {
                        log.printf("bench: the %s round (not asked for, not measured): %s%n", scenario.label(),
                                measured.details());
                    }
                }
            });
        }
    }

    /** cluster-takeover's line: the BENCH fields, {@code seconds} from the kill to the campaign's last row final. */
    void reportTakeover(ClusterBench.Takeover t) {
        log.printf(Locale.ROOT, "bench: %s: %d recipients; last row final %.3f s after the kill, sending resumed after"
                + " %.3f s; %d IN_DOUBT; %d requests, %d answered 429%n", Scenario.CLUSTER_TAKEOVER.label(),
                t.recipients(), t.seconds(), t.resumedAfterSeconds(), t.inDoubt(), t.stats().requests(),
                t.stats().throttled());
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", Scenario.CLUSTER_TAKEOVER.label());
        line.put("recipients", t.recipients());
        line.put("seconds", round(t.seconds(), 3));
        line.putNull("rate");
        line.putNull("ceiling");
        line.putNull("ratio");
        line.put("throttled", t.stats().throttled());
        line.putNull("heapPeakMb");
        line.putNull("heapLiveMb");
        // Beyond the documented fields: when the first row after the kill was sent, and the rows left IN_DOUBT.
        if (Double.isNaN(t.resumedAfterSeconds())) {
            line.putNull("resumedAfterSeconds");
        } else {
            line.put("resumedAfterSeconds", round(t.resumedAfterSeconds(), 3));
        }
        line.put("inDoubt", t.inDoubt());
        out.println("BENCH " + line);
        out.flush();
    }

    private Measured sendProcess(SandboxProcess sandbox, Path dir, Path config, Path file)
            throws IOException, InterruptedException {
        String name = file.getFileName().toString().replace(".csv", "");
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(serviceJvmFlags);
        command.addAll(List.of("-Dteams.print-heap-peak=true", "-jar", jar.toString(), "send", file.toString(),
                "--config", config.toString(), "--sandbox-url", sandbox.url()));
        Path stdout = dir.resolve(name + ".out.log");
        Path stderr = dir.resolve(name + ".err.log");
        SandboxProcess.Stats before = sandbox.stats();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("send " + file.getFileName() + " did not end well; see " + stderr);
            }
        } finally {
            process.destroyForcibly();
        }
        double processSeconds = (System.nanoTime() - started) / 1e9;
        SandboxProcess.Stats stats = sandbox.stats().minus(before);
        List<String> out = Files.readAllLines(stdout);
        JsonNode summary = JSON.readTree(out.get(out.size() - 1));
        log.printf(Locale.ROOT, "bench: %s: the send process ran %.3f s in all (JVM and Camel start included),"
                + " the campaign %.3f s of it%n", name, processSeconds, summary.path("durationMs").asLong() / 1000.0);
        return new Measured(summary, stats, ServiceProcess.heapOf(stderr));
    }

    /** xlsx-million: the workbook written here, then read by a process of its own at -Xmx256m. */
    private Measured readWorkbook(Path dir) throws IOException, InterruptedException {
        int rows = sizes.millionUsers();
        long writeStart = System.nanoTime();
        Path file = WorkbookFiles.write(dir.resolve("million.xlsx"), 1, rows);
        log.printf(Locale.ROOT, "bench: xlsx-million: wrote %,d rows (%.1f MB) in %.1f s%n", rows,
                Files.size(file) / (1024.0 * 1024.0), (System.nanoTime() - writeStart) / 1e9);
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(serviceJvmFlags);
        command.addAll(List.of("-Xmx256m", "-Dteams.print-heap-peak=true", "-cp", jar.toString(),
                WorkbookRead.class.getName(), file.toString()));
        Path stdout = dir.resolve("read.out.log");
        Path stderr = dir.resolve("read.err.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("reading the workbook failed; see " + stderr);
            }
        } finally {
            process.destroyForcibly();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String read = Files.readAllLines(stdout).stream().filter(l -> l.startsWith("ROWS ")).findFirst().orElse("ROWS 0");
        long count = Long.parseLong(read.substring(5).trim());
        ObjectNode summary = JSON.createObjectNode().put("total", count).put("sent", count).put("durationMs", millis);
        return new Measured(summary, new SandboxProcess.Stats(0, 0, 0), ServiceProcess.heapOf(stderr));
    }

    static Map<String, String> noPacing() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        for (String bucket : PACED_BUCKETS) {
            env.put("TEAMS_PACING_" + bucket + "_PER_SECOND", NO_PACING);
        }
        return env;
    }

    record Measured(JsonNode summary, SandboxProcess.Stats stats, ServiceProcess.Heap heap) {
        long total() {
            return summary.path("total").asLong();
        }

        long sent() {
            return summary.path("sent").asLong();
        }

        double seconds() {
            return summary.path("durationMs").asLong() / 1000.0;
        }

        String details() {
            double throttledShare = stats.requests() == 0 ? 0 : 100.0 * stats.throttled() / stats.requests();
            return String.format(Locale.ROOT, "%d recipients (%d sent, %d failed, %d skipped) in %.3f s = %.1f/s; "
                    + "%d requests, %d answered 429 (%.2f%%); heap peak %.1f MB, live after a collection at most %.1f MB",
                    total(), sent(),
                    summary.path("failed").asLong(), summary.path("skipped").asLong(), seconds(), sent() / seconds(),
                    stats.requests(), stats.throttled(), throttledShare, heap.peakMb(), heap.liveMb());
        }
    }

    /** A new service process: a one-recipient campaign to warm it up, then the measured campaign, then its heap peak. */
    private Measured measure(SandboxProcess sandbox, Path dir, String name, Path file, Path warmUp, List<String> jvm,
            Map<String, String> environment) throws IOException, InterruptedException {
        try (ServiceProcess service = ServiceProcess.start(jar, dir, name, sandbox.url(), jvm, environment)) {
            service.send(warmUp);
            SandboxProcess.Stats before = sandbox.stats();
            JsonNode summary = service.send(file);
            SandboxProcess.Stats stats = sandbox.stats().minus(before);
            return new Measured(summary, stats, service.stop());
        }
    }

    void report(Scenario scenario, Measured m) {
        log.printf("bench: %s: %s%n", scenario.label(), m.details());
        if (m.sent() != m.total()) {
            log.printf("bench: %s: WARNING: %d of %d recipients were not sent; the rate counts sent ones only%n",
                    scenario.label(), m.total() - m.sent(), m.total());
        }
        double rate = m.sent() / m.seconds();
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", scenario.label());
        line.put("recipients", m.total());
        line.put("seconds", round(m.seconds(), 3));
        line.put("rate", round(rate, 2));
        if (scenario.ceiling != null) {
            line.put("ceiling", scenario.ceiling);
            line.put("ratio", round(rate / scenario.ceiling, 3));
        } else {
            line.putNull("ceiling");
            line.putNull("ratio");
        }
        line.put("throttled", m.stats().throttled());
        putMegabytes(line, "heapPeakMb", m.heap().peakMb());
        // Beyond the documented BENCH fields: the most heap left in use after a collection, the data the run held.
        putMegabytes(line, "heapLiveMb", m.heap().liveMb());
        out.println("BENCH " + line);
        out.flush();
    }

    static void putMegabytes(ObjectNode line, String field, double megabytes) {
        if (Double.isNaN(megabytes)) {
            line.putNull(field);
        } else {
            line.put(field, round(megabytes, 1));
        }
    }

    static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }
}
