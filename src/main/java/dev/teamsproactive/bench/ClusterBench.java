package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench cluster}: three {@code run} instances on this machine, as docs/cluster.md starts them (one PostgreSQL
 * ledger, one working folder, one config/, an instance id and a status port each from the environment), against one
 * sandbox at {@code --limits real}. Each measured round drops three files at once (the users split among them) into
 * the shared inbox:
 * <ul>
 * <li>cluster-cold: users never contacted, ratio to 30/s; cluster-warm: the same users again (their chats cached in the
 * shared ledger), ratio to 50/s; the time of a round is from its first campaign's registration to its last one's end,
 * as the ledger records them;</li>
 * <li>cluster-takeover: a third round; once a quarter of the first campaign is final, the instance holding it (as
 * {@code GET /api/cluster} says) is killed with SIGKILL; the seconds from the kill to that campaign's last row final.</li>
 * </ul>
 * The database must be empty (a cached chat would make the cold round warm): the bench refuses one holding campaigns.
 */
final class ClusterBench {
    static final int INSTANCES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration ROUND = Duration.ofMinutes(15);
    /** Unmeasured users per instance, sent to first so every JVM has compiled a campaign's paths. */
    private static final int WARM_UP_USERS = 60;

    /** The PostgreSQL database the instances share (its password, if any, from TEAMS_LEDGER_PASSWORD). */
    record Database(String url, String user) {
        Connection connect() throws SQLException {
            Properties login = new Properties();
            if (user != null) {
                login.setProperty("user", user);
            }
            String password = System.getenv("TEAMS_LEDGER_PASSWORD");
            if (password != null) {
                login.setProperty("password", password);
            }
            return DriverManager.getConnection(url, login);
        }
    }

    /** What one round measured: its campaigns' summaries summed, its span, and the sandbox's counts meanwhile. */
    record Round(JsonNode summary, SandboxProcess.Stats stats) {
    }

    /** The takeover round: the killed campaign's size, from the kill to its last row final, and its IN_DOUBT rows. */
    record Takeover(long recipients, double seconds, double resumedAfterSeconds, long inDoubt, SandboxProcess.Stats stats) {
    }

    private final Path jar;
    private final Path dir;
    private final Database database;
    private final int users;
    private final int latencyMs;
    private final List<String> jvmFlags;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    private record Instance(String id, int port, Process process, Path stderr) {
    }

    ClusterBench(Path jar, Path dir, Database database, int users, int latencyMs, List<String> jvmFlags, PrintStream log) {
        this.jar = jar;
        this.dir = dir;
        this.database = database;
        this.users = users;
        this.latencyMs = latencyMs;
        this.jvmFlags = jvmFlags;
        this.log = log;
    }

    /** Refuses a database that already holds campaigns or cached chats, naming what to do instead. */
    void checkEmpty() throws IOException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("campaigns", "conversation_cache")) {
                if (tableExists(c, table)) {
                    try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            throw new IOException("the database at " + database.url() + " already holds " + table
                                    + " rows; bench cluster needs an empty one (e.g. createdb teams_bench_2, then"
                                    + " --ledger-url jdbc:postgresql://localhost/teams_bench_2)");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot reach the database at " + database.url() + ": " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** Runs the rounds; {@code takeover} false stops after the warm round. */
    void run(SandboxProcess sandbox, boolean takeover, RoundSink sink) throws IOException, InterruptedException {
        Path config = sharedConfig();
        try {
            // One after the other, as a service manager brings them up (three JVMs starting at once on a small machine
            // can starve the sandbox long enough for a preflight to give up).
            for (int i = 1; i <= INSTANCES; i++) {
                awaitReady(start("bench-" + i, config, sandbox.url()));
            }
            Path files = Files.createDirectories(dir.resolve("files"));
            Round warmUp = round(sandbox, "warm-up", split(files, "warm-up", users + 1, users + INSTANCES * WARM_UP_USERS));
            log.printf("bench: cluster: the warm-up round (not measured): %s%n", warmUp.summary());
            sink.cold(round(sandbox, "cold", split(files, "cold", 1, users)));
            sink.warm(round(sandbox, "warm", split(files, "warm", 1, users)));
            if (takeover) {
                sink.takeover(takeover(sandbox, split(files, "takeover", 1, users)));
            }
        } finally {
            stopAll();
        }
    }

    /** Receives each round's figures as it ends. */
    interface RoundSink {
        void cold(Round round);

        void warm(Round round);

        void takeover(Takeover takeover);
    }

    /** The packaged defaults, the shared ledger and working folder, cluster mode on. */
    private Path sharedConfig() throws IOException {
        Path config = ServiceProcess.configIn(dir);
        StringBuilder cluster = new StringBuilder("\n# bench cluster: every instance shares these\n")
                .append("teams.ledger.url=").append(database.url()).append('\n')
                .append("teams.cluster.enabled=true\n");
        if (database.user() != null) {
            cluster.append("teams.ledger.user=").append(database.user()).append('\n');
        }
        Files.writeString(config.resolve("application.properties"), cluster, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return config;
    }

    private Instance start(String id, Path config, String sandboxUrl) throws IOException {
        int port = ServiceProcess.freePort();
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-Dteams.print-heap-peak=true", "-jar", jar.toString(), "run", "--config",
                config.toString(), "--sandbox-url", sandboxUrl));
        Path stderr = dir.resolve(id + ".err.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(id + ".out.log").toFile()).redirectError(stderr.toFile());
        builder.environment().put("TEAMS_CLUSTER_INSTANCE_ID", id);
        builder.environment().put("TEAMS_HTTP_PORT", Integer.toString(port));
        Instance instance = new Instance(id, port, builder.start(), stderr);
        instances.put(id, instance);
        log.printf("bench: cluster: started %s (status port %d)%n", id, port);
        return instance;
    }

    private void awaitReady(Instance instance) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new IOException(instance.id() + " ended before it was ready; see " + instance.stderr());
            }
            try {
                if (get(instance, "/observe/health/ready").contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IOException(instance.id() + " was not ready within " + READY + "; see " + instance.stderr());
    }

    /** Writes users first..last into one file per instance (the same split each round), named {@code <name>-<n>.csv}. */
    private static List<Path> split(Path files, String name, int first, int last) throws IOException {
        List<Path> written = new ArrayList<>();
        int count = last - first + 1;
        int from = first;
        for (int i = 1; i <= INSTANCES; i++) {
            int to = first - 1 + (int) ((long) count * i / INSTANCES);
            written.add(RecipientFiles.write(files.resolve(name + "-" + i + ".csv"), from, to, RecipientFiles.Key.UPN));
            from = to + 1;
        }
        return written;
    }

    /** Drops the files at once, waits until each is in inbox/.done/, and sums their summaries. */
    private Round round(SandboxProcess sandbox, String name, List<Path> files) throws IOException, InterruptedException {
        SandboxProcess.Stats before = sandbox.stats();
        List<String> ids = drop(files);
        for (Path file : files) {
            awaitDone(file.getFileName().toString());
        }
        SandboxProcess.Stats stats = sandbox.stats().minus(before);
        ObjectNode sum = JSON.createObjectNode();
        for (String id : ids) {
            JsonNode summary = JSON.readTree(dir.resolve("reports").resolve(id).resolve("summary.json").toFile());
            for (String field : List.of("total", "sent", "failed", "skipped", "inDoubt")) {
                sum.put(field, sum.path(field).asLong() + summary.path(field).asLong());
            }
        }
        sum.put("durationMs", spanMillis(ids));
        log.printf("bench: cluster: %s round: campaigns %s%n", name, ids);
        return new Round(sum, stats);
    }

    private List<String> drop(List<Path> files) throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            ids.add(CampaignIds.forFile(file));
        }
        for (Path file : files) {
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        return ids;
    }

    private void awaitDone(String name) throws IOException, InterruptedException {
        Path done = dir.resolve("inbox/.done").resolve(name);
        long deadline = System.nanoTime() + ROUND.toNanos();
        while (!Files.exists(done)) {
            if (Files.exists(dir.resolve("inbox/.error").resolve(name))) {
                throw new IOException(name + " was set aside in inbox/.error/; see the instances' logs in " + dir);
            }
            if (System.nanoTime() > deadline || instances.values().stream().noneMatch(i -> i.process().isAlive())) {
                throw new IOException(name + " did not finish; see the instances' logs in " + dir);
            }
            Thread.sleep(100);
        }
    }

    /** From the first campaign's registration to the last one's end, as the ledger recorded them. */
    private long spanMillis(List<String> ids) throws IOException {
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT MIN(started_at), MAX(finished_at) FROM campaigns WHERE id IN (?, ?, ?)")) {
            for (int i = 0; i < INSTANCES; i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet span = select.executeQuery()) {
                span.next();
                return span.getTimestamp(2).getTime() - span.getTimestamp(1).getTime();
            }
        } catch (SQLException e) {
            throw new IOException("reading the campaigns' times: " + e.getMessage(), e);
        }
    }

    private Takeover takeover(SandboxProcess sandbox, List<Path> files) throws IOException, InterruptedException {
        SandboxProcess.Stats before = sandbox.stats();
        List<String> ids = drop(files);
        String victimCampaign = ids.get(0);
        long deadline = System.nanoTime() + ROUND.toNanos();
        long[] progress = campaignProgress(victimCampaign);
        while (progress == null || progress[1] == 0 || progress[0] * 4 < progress[1]) {
            if (System.nanoTime() > deadline) {
                throw new IOException(victimCampaign + " made no progress; see the instances' logs in " + dir);
            }
            Thread.sleep(50);
            progress = campaignProgress(victimCampaign);
        }
        Instance holder = holderOf(victimCampaign);
        long inFlight = rows(victimCampaign, "SENDING");
        long finalAtKill = campaignProgress(victimCampaign)[0];
        long killedAt = System.nanoTime();
        holder.process().destroyForcibly();
        holder.process().waitFor(30, TimeUnit.SECONDS);
        instances.remove(holder.id());
        log.printf("bench: cluster: killed %s (SIGKILL) holding %s, %d rows final, %d in flight%n", holder.id(),
                victimCampaign, finalAtKill, inFlight);
        double resumedAfter = Double.NaN;
        while ((progress = campaignProgress(victimCampaign))[0] < progress[1]) {
            if (Double.isNaN(resumedAfter) && progress[0] > finalAtKill + inFlight) {
                resumedAfter = (System.nanoTime() - killedAt) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(victimCampaign + " was not finished after the kill; see the logs in " + dir);
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        for (Path file : files) {
            awaitDone(file.getFileName().toString());
        }
        return new Takeover(progress[1], seconds, resumedAfter, rows(victimCampaign, "IN_DOUBT"),
                sandbox.stats().minus(before));
    }

    /** The instance whose {@code GET /api/cluster} entry lists the campaign. */
    private Instance holderOf(String campaignId) throws IOException, InterruptedException {
        for (Instance asked : instances.values()) {
            JsonNode members;
            try {
                members = JSON.readTree(get(asked, "/api/cluster"));
            } catch (IOException notThisOne) {
                continue;
            }
            for (JsonNode member : members) {
                for (JsonNode campaign : member.path("campaigns")) {
                    String id = campaign.isTextual() ? campaign.asText() : campaign.path("id").asText();
                    Instance holder = instances.get(member.path("instanceId").asText());
                    if (id.equals(campaignId) && holder != null) {
                        return holder;
                    }
                }
            }
        }
        throw new IOException("no member of GET /api/cluster holds " + campaignId);
    }

    /** {final rows, total} of a campaign, or null before it is registered. */
    private long[] campaignProgress(String campaignId) throws IOException {
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT done_rows, total FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
            }
        } catch (SQLException e) {
            throw new IOException("reading " + campaignId + ": " + e.getMessage(), e);
        }
    }

    private long rows(String campaignId, String status) throws IOException {
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE campaign_id = ? AND status = ?")) {
            select.setString(1, campaignId);
            select.setString(2, status);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IOException("reading " + campaignId + ": " + e.getMessage(), e);
        }
    }

    private String get(Instance instance, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGTERM to each instance still running (each by its own handle); logs each one's heap peak. */
    private void stopAll() throws IOException, InterruptedException {
        for (Instance instance : instances.values()) {
            instance.process().destroy();
        }
        for (Instance instance : instances.values()) {
            if (!instance.process().waitFor(60, TimeUnit.SECONDS)) {
                instance.process().destroyForcibly();
            }
            ServiceProcess.Heap heap = ServiceProcess.heapOf(instance.stderr());
            log.printf(Locale.ROOT, "bench: cluster: %s stopped; heap peak %.1f MB, live after a collection %.1f MB%n",
                    instance.id(), heap.peakMb(), heap.liveMb());
        }
        instances.clear();
    }
}
