package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private static final Duration ROUND = Duration.ofMinutes(15);
    /** Unmeasured users per instance, sent to first so every JVM has compiled a campaign's paths. */
    private static final int WARM_UP_USERS = 60;

    /** What one round measured: its campaigns' summaries summed, its span, and the sandbox's counts meanwhile. */
    record Round(JsonNode summary, SandboxProcess.Stats stats) {
    }

    /** The takeover round: the killed campaign's size, from the kill to its last row final, and its IN_DOUBT rows. */
    record Takeover(long recipients, double seconds, double resumedAfterSeconds, long inDoubt, SandboxProcess.Stats stats) {
    }

    private final Path dir;
    private final ClusterDatabase database;
    private final int users;
    private final PrintStream log;
    private final ClusterInstances instances;

    /** The limited scenarios' users, split over the instances. */
    ClusterBench(BenchSetup setup, Path dir, ClusterDatabase database) {
        this.dir = dir;
        this.database = database;
        this.users = setup.sizes().limitedUsers();
        this.log = setup.log();
        this.instances = new ClusterInstances(setup.jar(), dir, setup.serviceJvmFlags(), log);
    }

    /** Runs the rounds; {@code takeover} false stops after the warm round. */
    void run(SandboxProcess sandbox, boolean takeover, RoundSink sink) throws IOException, InterruptedException {
        Path config = sharedConfig();
        try {
            // One after the other, as a service manager brings them up (three JVMs starting at once on a small machine
            // can starve the sandbox long enough for a preflight to give up).
            for (int i = 1; i <= INSTANCES; i++) {
                instances.awaitReady(instances.start("bench-" + i, config, sandbox.url()));
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
            instances.stopAll();
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
        sum.put("durationMs", database.spanMillis(ids));
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
            if (System.nanoTime() > deadline || !instances.anyAlive()) {
                throw new IOException(name + " did not finish; see the instances' logs in " + dir);
            }
            Thread.sleep(100);
        }
    }

    private Takeover takeover(SandboxProcess sandbox, List<Path> files) throws IOException, InterruptedException {
        SandboxProcess.Stats before = sandbox.stats();
        List<String> ids = drop(files);
        String victimCampaign = ids.get(0);
        long deadline = System.nanoTime() + ROUND.toNanos();
        long[] progress = database.campaignProgress(victimCampaign);
        while (progress == null || progress[1] == 0 || progress[0] * 4 < progress[1]) {
            if (System.nanoTime() > deadline) {
                throw new IOException(victimCampaign + " made no progress; see the instances' logs in " + dir);
            }
            Thread.sleep(50);
            progress = database.campaignProgress(victimCampaign);
        }
        ClusterInstances.Instance holder = instances.holderOf(victimCampaign);
        long inFlight = database.rows(victimCampaign, "SENDING");
        long finalAtKill = database.campaignProgress(victimCampaign)[0];
        long killedAt = System.nanoTime();
        instances.kill(holder);
        log.printf("bench: cluster: killed %s (SIGKILL) holding %s, %d rows final, %d in flight%n", holder.id(),
                victimCampaign, finalAtKill, inFlight);
        double resumedAfter = Double.NaN;
        while ((progress = database.campaignProgress(victimCampaign))[0] < progress[1]) {
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
        return new Takeover(progress[1], seconds, resumedAfter, database.rows(victimCampaign, "IN_DOUBT"),
                sandbox.stats().minus(before));
    }
}
