package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * cold-send, warm-send: each campaign a fresh {@code send FILE} process against the limited sandbox, with no
 * warm-up of that process, as a user runs it. Its time is the campaign's, from its registration (before preflight)
 * to its report: preflight and the JIT's first seconds count. The process's whole time (JVM and Camel start
 * included) is logged. The sandbox itself is warmed first by an unmeasured send to other users: Microsoft's
 * services are never cold, and a sandbox compiling its own paths would be measured as the product's start.
 */
final class SendBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSetup setup;

    SendBench(BenchSetup setup) {
        this.setup = setup;
    }

    void run(Path dir, Set<Scenario> chosen) throws IOException, InterruptedException {
        int users = setup.sizes().limitedUsers();
        int lastWarmUpUser = users + BenchSuite.WARM_UP_USERS;
        List<String> sandboxFlags = List.of("--users", Integer.toString(lastWarmUpUser), "--limits", "real",
                "--latency-ms", Integer.toString(setup.sizes().latencyMs()));
        setup.log().printf("bench: send: sandbox %s, work folder %s%n", String.join(" ", sandboxFlags), dir);
        try (SandboxProcess sandbox = SandboxProcess.start(setup.jar(), dir.resolve("sandbox.log"), sandboxFlags)) {
            Path staged = Files.createDirectories(dir.resolve("files"));
            Path coldFile = RecipientFiles.write(staged.resolve("cold-send.csv"), 1, users, RecipientFiles.Key.UPN);
            Path warmFile = Files.copy(coldFile, staged.resolve("warm-send.csv"));
            Path config = ServiceProcess.configIn(dir);
            Measured sandboxWarmUp = sendProcess(sandbox, dir, config, RecipientFiles.write(
                    staged.resolve("sandbox-warm-up.csv"), users + 1, lastWarmUpUser, RecipientFiles.Key.UPN));
            setup.log().printf("bench: the sandbox's warm-up send (not measured): %s%n", sandboxWarmUp.details());
            Measured cold = sendProcess(sandbox, dir, config, coldFile);
            if (chosen.contains(Scenario.COLD_SEND)) {
                setup.lines().report(Scenario.COLD_SEND, cold);
            } else {
                setup.log().printf("bench: the cold send before warm-send (not asked for, not measured): %s%n", cold.details());
            }
            if (chosen.contains(Scenario.WARM_SEND)) {
                setup.lines().report(Scenario.WARM_SEND, sendProcess(sandbox, dir, config, warmFile));
            }
        }
    }

    private Measured sendProcess(SandboxProcess sandbox, Path dir, Path config, Path file)
            throws IOException, InterruptedException {
        String name = file.getFileName().toString().replace(".csv", "");
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(setup.serviceJvmFlags());
        command.addAll(List.of("-Dteams.print-heap-peak=true", "-jar", setup.jar().toString(), "send", file.toString(),
                "--config", config.toString(), "--sandbox-url", sandbox.url()));
        Path stdout = dir.resolve(name + ".out.log");
        Path stderr = dir.resolve(name + ".err.log");
        SandboxProcess.Stats before = sandbox.stats();
        long started = System.nanoTime();
        OneShotProcess.run(new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()), "send " + file.getFileName() + " did not end well; see " + stderr);
        double processSeconds = (System.nanoTime() - started) / 1e9;
        SandboxProcess.Stats stats = sandbox.stats().minus(before);
        List<String> out = Files.readAllLines(stdout);
        JsonNode summary = JSON.readTree(out.get(out.size() - 1));
        setup.log().printf(Locale.ROOT, "bench: %s: the send process ran %.3f s in all (JVM and Camel start included),"
                + " the campaign %.3f s of it%n", name, processSeconds, summary.path("durationMs").asLong() / 1000.0);
        return new Measured(summary, stats, ServiceProcess.heapOf(stderr));
    }
}
