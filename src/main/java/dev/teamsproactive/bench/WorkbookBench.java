package dev.teamsproactive.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** xlsx-million: the workbook written here, then read by a process of its own at -Xmx256m. */
final class WorkbookBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSetup setup;

    WorkbookBench(BenchSetup setup) {
        this.setup = setup;
    }

    Measured run(Path dir) throws IOException, InterruptedException {
        int rows = setup.sizes().millionUsers();
        long writeStart = System.nanoTime();
        Path file = WorkbookFiles.write(dir.resolve("million.xlsx"), 1, rows);
        setup.log().printf(Locale.ROOT, "bench: xlsx-million: wrote %,d rows (%.1f MB) in %.1f s%n", rows,
                Files.size(file) / (1024.0 * 1024.0), (System.nanoTime() - writeStart) / 1e9);
        List<String> command = new ArrayList<>(List.of(SandboxProcess.java()));
        command.addAll(setup.serviceJvmFlags());
        command.addAll(List.of("-Xmx256m", "-Dteams.print-heap-peak=true", "-cp", setup.jar().toString(),
                WorkbookRead.class.getName(), file.toString()));
        Path stdout = dir.resolve("read.out.log");
        Path stderr = dir.resolve("read.err.log");
        long started = System.nanoTime();
        OneShotProcess.run(new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()),
                "reading the workbook failed; see " + stderr);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String read = Files.readAllLines(stdout).stream().filter(l -> l.startsWith("ROWS ")).findFirst().orElse("ROWS 0");
        long count = Long.parseLong(read.substring(5).trim());
        ObjectNode summary = JSON.createObjectNode().put("total", count).put("sent", count).put("durationMs", millis);
        return new Measured(summary, new SandboxProcess.Stats(0, 0, 0), ServiceProcess.heapOf(stderr));
    }
}
