package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as it runs in production: {@code java -jar teams-proactive.jar run --sandbox-url URL} as its own
 * process, in a work folder whose config/ puts inbox, ledger and reports there. Campaigns are files dropped into
 * its inbox; each one's figures come from its report. Stopped with SIGTERM, it prints its heap peak.
 */
final class ServiceProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAP_PEAK = "HEAP-PEAK-MB ";
    private static final String HEAP_LIVE = "HEAP-LIVE-MB ";
    private static final long POLL_MILLIS = 100;

    /** What the service printed as it stopped: the most heap in use, and the most left after a collection (MB). */
    record Heap(double peakMb, double liveMb) {
    }

    private final Process process;
    private final Path work;
    private final Path stderr;
    private boolean stopped;

    private ServiceProcess(Process process, Path work, Path stderr) {
        this.process = process;
        this.work = work;
        this.stderr = stderr;
    }

    /**
     * Starts it in {@code work} (a config/ there points inbox, ledger and reports into {@code work}).
     *
     * @param jvmFlags    e.g. -Xmx256m
     * @param environment settings overridden as environment variables (e.g. TEAMS_PACING_BOT_SENDS_PER_SECOND)
     */
    static ServiceProcess start(Path jar, Path work, String name, String sandboxUrl, List<String> jvmFlags,
            Map<String, String> environment) throws IOException {
        Path config = configIn(work);
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-Dteams.print-heap-peak=true", "-jar", jar.toString(), "run", "--config",
                config.toString(), "--sandbox-url", sandboxUrl));
        Path out = work.resolve(name + ".out.log");
        Path err = work.resolve(name + ".err.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), work, err);
    }

    /** A config/ folder in {@code work}: the packaged defaults, with inbox, ledger and reports in {@code work}. */
    static Path configIn(Path work) throws IOException {
        Path config = work.resolve("config");
        Files.createDirectories(config.resolve("messages"));
        try (var template = ServiceProcess.class.getResourceAsStream("/defaults/config/messages/default.json")) {
            if (template == null) {
                throw new IOException("the default message template is not packaged");
            }
            Files.copy(template, config.resolve("messages/default.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(config.resolve("application.properties"), "teams.reports=" + work.resolve("reports")
                + "\nteams.inbox=" + work.resolve("inbox")
                + "\nteams.ledger.url=jdbc:h2:file:" + work.resolve("ledger").resolve("ledger") + "\n",
                StandardCharsets.UTF_8);
        return config;
    }

    /** Drops the file into the inbox, waits until the service has moved it to .done/, returns its campaign summary. */
    JsonNode send(Path file) throws IOException, InterruptedException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String name = file.getFileName().toString();
        String campaignId = CampaignIds.forFile(file);
        // Written elsewhere and moved in whole: the service never sees half a file.
        Files.move(file, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Path done = inbox.resolve(".done").resolve(name);
        Path failed = inbox.resolve(".error").resolve(name);
        while (!Files.exists(done)) {
            if (Files.exists(failed) || !process.isAlive()) {
                throw new IOException("the service did not run " + name + "; see " + stderr);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return JSON.readTree(work.resolve("reports").resolve(campaignId).resolve("summary.json").toFile());
    }

    /** The CPU time the process has used so far (zero where the system does not tell). */
    java.time.Duration cpu() {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Stops it (SIGTERM, gracefully) and returns the heap figures it printed (NaN where it printed none). */
    Heap stop() throws IOException, InterruptedException {
        stopped = true;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the service did not stop within 60 s of SIGTERM");
        }
        return heapOf(stderr);
    }

    /** The heap figures a process printed on its standard error as it exited (NaN where it printed none). */
    static Heap heapOf(Path stderr) throws IOException {
        // Streamed, not read whole: a long run's log can be gigabytes.
        double peak = Double.NaN;
        double live = Double.NaN;
        try (java.util.stream.Stream<String> lines = Files.lines(stderr, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(HEAP_PEAK)) {
                    peak = Double.parseDouble(line.substring(HEAP_PEAK.length()).trim());
                } else if (line.startsWith(HEAP_LIVE)) {
                    live = Double.parseDouble(line.substring(HEAP_LIVE.length()).trim());
                }
            }
        }
        return new Heap(peak, live);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!stopped) {
            stop();
        }
    }

    /** A port free on the loopback interface now, for a process started next. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
