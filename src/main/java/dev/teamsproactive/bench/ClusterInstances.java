package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code run} instances of {@code bench cluster}, each its own process with an instance id and a status port from
 * the environment: started, awaited until ready, asked who holds a campaign, killed or stopped (each by its own handle).
 */
final class ClusterInstances {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofMinutes(3);

    /** One instance: its id, its status port, its process and its standard error's log. */
    record Instance(String id, int port, Process process, Path stderr) {
    }

    private final Path jar;
    private final Path dir;
    private final List<String> jvmFlags;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    ClusterInstances(Path jar, Path dir, List<String> jvmFlags, PrintStream log) {
        this.jar = jar;
        this.dir = dir;
        this.jvmFlags = jvmFlags;
        this.log = log;
    }

    Instance start(String id, Path config, String sandboxUrl) throws IOException {
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

    void awaitReady(Instance instance) throws IOException, InterruptedException {
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

    boolean anyAlive() {
        return instances.values().stream().anyMatch(i -> i.process().isAlive());
    }

    /** The instance whose {@code GET /api/cluster} entry lists the campaign. */
    Instance holderOf(String campaignId) throws IOException, InterruptedException {
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

    /** SIGKILL, as a machine that dies; the instance is no longer one of these. */
    void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor(30, TimeUnit.SECONDS);
        instances.remove(instance.id());
    }

    private String get(Instance instance, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** SIGTERM to each instance still running (each by its own handle); logs each one's heap peak. */
    void stopAll() throws IOException, InterruptedException {
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
