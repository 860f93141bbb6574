package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.tls.SandboxTls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several {@code run} instances as an operator starts them on one machine (docs/cluster.md): one PostgreSQL (the
 * embedded one the tests use), one sandbox process at {@code --limits real}, and any number of service JVMs sharing
 * that database, one working folder (inbox/, reports/, campaigns/) and one config/ folder; each instance gets its own
 * {@code teams.cluster.instance-id} and status port through the environment, as the docs say. Every process is ended by
 * its own handle in {@link #close()}, whatever happened.
 *
 * <p>The sandbox's users are seeded with the app already installed, and the ledger's conversation cache knows their
 * chats (as after an earlier campaign to them): each recipient then costs one Bot Connector send, so the tenant's
 * ceiling a campaign meets is the bot-send limit, 50 per second.
 */
final class ClusterOnOneMachine implements AutoCloseable {
    /** The run lease the instances use (teams.run-lease.seconds): short, so a takeover is quick to watch. */
    static final Duration LEASE = Duration.ofSeconds(10);
    /** Microsoft's bot-send limit per app and tenant, which the sandbox enforces at --limits real. */
    static final double BOT_SEND_CEILING = 50.0;
    private static final Pattern READY = Pattern.compile("Sandbox ready at (https://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path work;
    final Path config;
    final String ledgerUrl;
    private final EmbeddedPostgres postgres;
    private final List<JarProcess> processes = new ArrayList<>();
    /** Each instance process started, under a name for its log (node-1, node-1.2 for its restart, …). */
    private final Map<String, JarProcess> logs = new LinkedHashMap<>();
    private final Map<String, Instance> running = new LinkedHashMap<>();
    private final ObjectNode tenant;
    private JarProcess sandbox;
    private String sandboxUrl;
    private final HttpClient sandboxHttp = HttpClient.newBuilder().sslContext(SandboxTls.clientContext())
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One service process: its instance id, status port and process. */
    record Instance(String id, int port, JarProcess process) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Starts PostgreSQL and the sandbox (with {@code users} installed users), and writes the shared config. */
    ClusterOnOneMachine(Path work, int users) throws Exception {
        this.work = work;
        this.postgres = EmbeddedPostgres.builder().start();
        try {
            this.ledgerUrl = postgres.getJdbcUrl("postgres", "postgres");
            this.tenant = installedUsersTenant(users);
            Path seed = work.resolve("tenant.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(seed.toFile(), tenant);
            sandbox = started(JarProcess.start(work, "sandbox", "--port", "0", "--seed", seed.toString(), "--limits",
                    "real", "--latency-ms", "60"));
            String line = sandbox.nextLine(START);
            assertThat(line).as("sandbox's first line; standard error: %s", sandbox.stderrLines()).isNotNull();
            Matcher m = READY.matcher(line);
            assertThat(m.find()).as("ready line: %s", line).isTrue();
            sandboxUrl = m.group(1);
            config = sharedConfig();
            rememberChatsOfEveryone(users);
            Files.createDirectories(work.resolve("inbox"));
            Files.createDirectories(work.resolve("campaigns"));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The object id of seeded user {@code i} (1-based), the same shape as the sandbox's computed users. */
    static String userId(int i) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", i);
    }

    /** The default tenant plus users 1..n, each with the app installed (its chat exists from the start). */
    private static ObjectNode installedUsersTenant(int n) throws IOException {
        ObjectNode seed = (ObjectNode) JSON.readTree(Path.of("config/sandbox/tenant.json").toFile());
        ArrayNode users = (ArrayNode) seed.get("users");
        for (int i = 1; i <= n; i++) {
            users.addObject().put("id", userId(i)).put("userPrincipalName", "member" + i + "@contoso.example")
                    .put("mail", "member" + i + "@contoso.example").put("displayName", "Member " + i)
                    .put("installed", true).put("behavior", "normal");
        }
        return seed;
    }

    /** A copy of config/ for every instance: the shared ledger, cluster mode, a short lease. */
    private Path sharedConfig() throws IOException {
        Path config = PipelineFixture.configIn(work);
        Files.writeString(config.resolve("application.properties"), "\n# --- the cluster under test ---\n"
                + "teams.ledger.url=" + ledgerUrl + "\n"
                + "teams.ledger.user=postgres\n"
                + "teams.cluster.enabled=true\n"
                + "teams.run-lease.seconds=" + LEASE.toSeconds() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return config;
    }

    /**
     * The ledger's conversation cache as a campaign to these users would have left it: their chats (the ids the
     * sandbox gives the chats of installed users) and its serviceUrl. The schema comes from the ledger's migrations.
     */
    private void rememberChatsOfEveryone(int users) throws SQLException {
        Ledger.open(ledgerUrl, "postgres", "").close();
        String tenantId = tenant.get("tenantId").asText();
        String catalogId = tenant.get("app").get("catalogId").asText();
        String botAppId = tenant.get("app").get("botAppId").asText();
        try (Connection c = DriverManager.getConnection(ledgerUrl); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversation_cache (tenant_id, user_id, installation_id, chat_id, service_url, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= users; i++) {
                String user = userId(i);
                insert.setString(1, tenantId);
                insert.setString(2, user);
                insert.setString(3, java.util.Base64.getEncoder().encodeToString((user + "##" + catalogId)
                        .getBytes(StandardCharsets.UTF_8)));
                insert.setString(4, "19:" + user + "_" + botAppId + "@unq.gbl.spaces");
                insert.setString(5, sandboxUrl);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---- instances ----------------------------------------------------------------------------------

    /** {@code run} with this instance id and a free status port, both from the environment; not waited for. */
    Instance start(String instanceId) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JarProcess process = started(JarProcess.start(work, Map.of("TEAMS_CLUSTER_INSTANCE_ID", instanceId,
                "TEAMS_HTTP_PORT", Integer.toString(port)), "run", "--sandbox-url", sandboxUrl, "--config",
                config.toString(), "--routes", Path.of("routes").toAbsolutePath().toString()));
        Instance instance = new Instance(instanceId, port, process);
        running.put(instanceId, instance);
        String name = instanceId;
        for (int n = 2; logs.containsKey(name); n++) {
            name = instanceId + "." + n;
        }
        logs.put(name, process);
        return instance;
    }

    /** Waits until the instance's readiness check answers UP. */
    void awaitReady(String instanceId) throws Exception {
        Instance instance = running.get(instanceId);
        long deadline = System.nanoTime() + START.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            assertThat(instance.process().isAlive()).as("%s is running; its log:\n%s", instanceId,
                    String.join("\n", instance.process().stderrLines())).isTrue();
            try {
                last = get(instance.base() + "/observe/health/ready").body();
                if (last.contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(instanceId + " never became ready; last: " + last + "\n"
                + String.join("\n", instance.process().stderrLines()));
    }

    /** SIGTERM, as a service manager stops it; it must exit cleanly within the shutdown timeout. */
    void stop(String instanceId) throws InterruptedException {
        Instance instance = running.remove(instanceId);
        int exit = instance.process().stop(Duration.ofSeconds(60));
        assertThat(exit).as("%s's exit code after SIGTERM; log: %s", instanceId, instance.process().stderrLines())
                .isIn(0, 143);
    }

    /** SIGTERM to every running instance at once, then each must exit cleanly. */
    void stopAll() throws InterruptedException {
        List<Instance> stopping = new ArrayList<>(running.values());
        running.clear();
        stopping.forEach(i -> i.process().terminate());
        for (Instance instance : stopping) {
            assertThat(instance.process().exitCode(Duration.ofSeconds(60)))
                    .as("%s's exit code after SIGTERM; log: %s", instance.id(), instance.process().stderrLines())
                    .isIn(0, 143);
        }
    }

    /** SIGKILL: the instance dies at once, whatever it was doing. */
    void kill(String instanceId) throws InterruptedException {
        running.remove(instanceId).process().kill(Duration.ofSeconds(20));
    }

    Set<String> runningIds() {
        return Set.copyOf(running.keySet());
    }

    /** Every instance's log so far, for failure messages. */
    String logs() {
        StringBuilder all = new StringBuilder();
        running.values().forEach(i -> all.append("---- ").append(i.id()).append('\n')
                .append(String.join("\n", i.process().stderrLines())).append('\n'));
        return all.toString();
    }

    /** {@code GET /api/cluster} on a running instance: the members it sees. */
    JsonNode members() throws IOException, InterruptedException {
        IOException last = null;
        for (Instance instance : running.values()) {
            try {
                HttpResponse<String> answer = get(instance.base() + "/api/cluster");
                assertThat(answer.statusCode()).as("GET /api/cluster on %s: %s", instance.id(), answer.body())
                        .isEqualTo(200);
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no running instance answered GET /api/cluster", last);
    }

    /** campaign id → the instance holding it, as {@code GET /api/cluster} says. */
    Map<String, String> holders() throws IOException, InterruptedException {
        Map<String, String> holders = new HashMap<>();
        for (JsonNode member : members()) {
            for (JsonNode campaign : member.path("campaigns")) {
                String id = campaign.isTextual() ? campaign.asText() : campaign.path("id").asText();
                holders.put(id, member.path("instanceId").asText());
            }
        }
        return holders;
    }

    // ---- files ----------------------------------------------------------------------------------------

    /** Writes a recipients file of users first..last (by object id) next to the inbox; drop it with {@link #drop}. */
    Path stage(String name, int first, int last) throws IOException {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = first; i <= last; i++) {
            csv.append(userId(i)).append(",Member ").append(i).append('\n');
        }
        return Files.writeString(work.resolve(name), csv, StandardCharsets.UTF_8);
    }

    /** Moves a staged file into inbox/ whole; returns its campaign id. */
    String drop(Path staged) throws IOException {
        Path dropped = Files.move(staged, work.resolve("inbox").resolve(staged.getFileName()),
                StandardCopyOption.ATOMIC_MOVE);
        return CampaignIds.forFile(dropped);
    }

    void writeCampaign(String name, String yaml) throws IOException {
        Files.writeString(work.resolve("campaigns").resolve(name), yaml, StandardCharsets.UTF_8);
    }

    Path report(String campaignId) {
        return work.resolve("reports").resolve(campaignId);
    }

    // ---- the sandbox ------------------------------------------------------------------------------------

    JsonNode sandboxStats() throws IOException, InterruptedException {
        return sandboxGet("/_sandbox/stats");
    }

    /** Messages the sandbox's Bot Connector accepted so far. */
    long deliveries() throws IOException, InterruptedException {
        return sandboxStats().get("deliveries").asLong();
    }

    /** userId → how many messages the sandbox accepted for that user. */
    Map<String, Integer> deliveriesByUser() throws IOException, InterruptedException {
        Map<String, Integer> byUser = new HashMap<>();
        for (JsonNode d : sandboxGet("/_sandbox/deliveries")) {
            byUser.merge(d.get("userId").asText(), 1, Integer::sum);
        }
        return byUser;
    }

    private JsonNode sandboxGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = sandboxHttp.send(HttpRequest.newBuilder(URI.create(sandboxUrl + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    // ---- the ledger, read directly ------------------------------------------------------------------------

    /** status → rows of the campaign (PENDING, SENDING, SENT, …). */
    Map<String, Long> rowStatuses(String campaignId) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(ledgerUrl); PreparedStatement select = c.prepareStatement(
                "SELECT status, COUNT(*) FROM deliveries WHERE campaign_id = ? GROUP BY status")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The campaign's status and lease owner, or null when the ledger does not know it yet. */
    CampaignState campaign(String campaignId) throws SQLException {
        try (Connection c = DriverManager.getConnection(ledgerUrl); PreparedStatement select = c.prepareStatement(
                "SELECT status, lease_owner, done_rows, total FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new CampaignState(rows.getString(1), rows.getString(2), rows.getLong(3),
                        rows.getLong(4)) : null;
            }
        }
    }

    record CampaignState(String status, String leaseOwner, long doneRows, long total) {
        boolean finished() {
            return "FINISHED".equals(status);
        }
    }

    /** Campaign ids starting with {@code prefix} → their status. */
    Map<String, String> campaignsStartingWith(String prefix) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(ledgerUrl); PreparedStatement select = c.prepareStatement(
                "SELECT id, status FROM campaigns WHERE id LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    private void keepLogs() {
        try {
            Path folder = Files.createDirectories(Path.of("target", "cluster-logs"));
            for (Map.Entry<String, JarProcess> log : logs.entrySet()) {
                Files.write(folder.resolve(log.getKey() + ".log"), log.getValue().stderrLines(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.err.println("the instances' logs could not be kept: " + e);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JarProcess started(JarProcess process) {
        processes.add(process);
        return process;
    }

    /**
     * Ends every process this cluster started (each by its own handle), then PostgreSQL. The instances' logs are kept
     * in target/cluster-logs/ (the working folder is deleted): what each did is what a failure is read from.
     */
    @Override
    public void close() {
        try {
            keepLogs();
            for (JarProcess process : processes) {
                process.close();
            }
            for (JarProcess process : processes) {
                try {
                    process.exitCode(Duration.ofSeconds(20));
                } catch (InterruptedException | AssertionError e) {
                    // Already told to die; nothing more to do for it.
                }
            }
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not stop", e);
            }
        }
    }
}
