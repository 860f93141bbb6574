package dev.teamsproactive.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/teams-proactive.jar …} as a separate process, as a user runs it: its standard
 * output and error read line by line as they come, so a test can wait for one line without sleeping.
 */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread stderrReader;

    private JarProcess(Process process) {
        this.process = process;
        Thread out = pump(process.getInputStream(), stdout::add, "jar-stdout");
        this.stderrReader = pump(process.getErrorStream(), stderr::add, "jar-stderr");
        out.start();
        stderrReader.start();
    }

    /** The shaded jar Maven built, named by the failsafe configuration (pom.xml). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("teams-proactive.jar", "target/teams-proactive.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after 'mvn package' (mvn verify)");
        }
        return jar;
    }

    static JarProcess start(Path workingDirectory, String... args) throws IOException {
        return start(workingDirectory, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with these environment variables added (e.g. TEAMS_TENANT_ID). */
    static JarProcess start(Path workingDirectory, java.util.Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        return new JarProcess(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The next line of standard output, or null when none came within {@code timeout} (or the process ended). */
    String nextLine(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (!process.isAlive() && stdout.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** Waits for the exit; returns its code (or fails the test when it did not exit in time). */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not exit within " + timeout);
        }
        stderrReader.join(timeout.toMillis());
        return process.exitValue();
    }

    /** The lines of standard output read so far and not yet taken by {@link #nextLine}. */
    List<String> stdoutLines() {
        return new ArrayList<>(stdout);
    }

    /** Standard error's non-blank lines (all of them once the process has exited). */
    List<String> stderrLines() {
        synchronized (stderr) {
            return stderr.stream().filter(l -> !l.isBlank()).toList();
        }
    }

    /** SIGTERM, as a user's Ctrl-C or a service manager would stop it. */
    int stop(Duration timeout) throws InterruptedException {
        terminate();
        return exitCode(timeout);
    }

    /** Sends SIGTERM without waiting (several processes stopping at once); {@link #exitCode} waits. */
    void terminate() {
        // Through the handle: Process.destroy() would also close our ends of its pipes, losing what it logs while stopping.
        process.toHandle().destroy();
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    int kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        return exitCode(timeout);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process ended; what was read is kept.
            }
        }, name);
        t.setDaemon(true);
        return t;
    }
}
