package dev.teamsproactive.cli;

import dev.teamsproactive.bench.BenchSuite;
import dev.teamsproactive.bench.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench [SCENARIO…]}: the pipeline's benchmark suite, each scenario against a sandbox process, the service as
 * its own process; one {@code BENCH {json}} line per scenario on standard output, details on standard error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Benchmark the pipeline against a sandbox process. Scenarios (default: all but cluster, in this order):",
            "  cold-limited    never-contacted users, --limits real, --latency-ms 80: ratio to 30/s",
            "  warm-limited    the same users in a new campaign (conversation cache): ratio to 50/s",
            "  cold-unlimited  --limits off, no latency, no pacing: the engine's recipients/s",
            "  warm-unlimited  the same users again, --limits off",
            "  million         1,000,000 recipients, --limits off, the service at -Xmx256m: completes, heap peak",
            "  cold-send       a fresh `send` process, no warm-up, never-contacted users, --limits real: ratio to 30/s",
            "  warm-send       a fresh `send` process, the same users again (conversation cache): ratio to 50/s",
            "  xlsx-million    a 1,000,000-row .xlsx read (checked, then streamed) by a process at -Xmx256m: heap",
            "  answers         the sandbox as Teams presses a card's button for --answers users, --answer-senders at a time:",
            "                  answers/s absorbed by the bot's endpoint (token checks, routes, ledger), p50Ms, p99Ms",
            "  cluster         three `run` instances on one PostgreSQL (--ledger-url, an empty database) and one inbox,",
            "                  --limits real: cluster-cold (ratio to 30/s), cluster-warm (ratio to 50/s) and",
            "                  cluster-takeover (seconds from a kill -9 to that campaign's last row final); only when named",
            "Prints one line per scenario: BENCH {\"scenario\",\"recipients\",\"seconds\",\"rate\",\"ceiling\",\"ratio\",\"throttled\",\"heapPeakMb\",\"heapLiveMb\"}",
            "(answers adds \"p50Ms\",\"p99Ms\",\"senders\")."
        })
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenarios to run (default: all but cluster).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--limited-users", paramLabel = "N", description = "Users of the limited scenarios (default: ${DEFAULT-VALUE}).")
    int limitedUsers = 600;

    @Option(names = "--unlimited-users", paramLabel = "N", description = "Users of the unlimited scenarios (default: ${DEFAULT-VALUE}).")
    int unlimitedUsers = 20_000;

    @Option(names = "--million-users", paramLabel = "N", description = "Users of the million scenario (default: ${DEFAULT-VALUE}).")
    int millionUsers = 1_000_000;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "The sandbox's latency in the limited scenarios (default: ${DEFAULT-VALUE}).")
    int latencyMs = 80;

    @Option(names = "--answers", paramLabel = "N", description = "Answers (one per user) of the answers scenario (default: ${DEFAULT-VALUE}).")
    int answers = 5_000;

    @Option(names = "--answer-senders", paramLabel = "N", description = "Answers sent at once in the answers scenario (default: ${DEFAULT-VALUE}).")
    int answerSenders = 16;

    @Option(names = "--service-jvm-flag", paramLabel = "FLAG",
            description = "A flag for the service's JVM, e.g. --service-jvm-flag=-XX:StartFlightRecording=filename=send.jfr (repeatable).")
    List<String> serviceJvmFlags = new ArrayList<>();

    @Option(names = "--ledger-url", paramLabel = "JDBC-URL",
            description = "The PostgreSQL database the cluster scenarios share, e.g. jdbc:postgresql://localhost/teams_bench"
                    + " (empty; its password, if any, from TEAMS_LEDGER_PASSWORD).")
    String ledgerUrl;

    @Option(names = "--ledger-user", paramLabel = "USER", description = "The database user of --ledger-url (default: the URL's or the driver's).")
    String ledgerUser;

    @Option(names = "--jar", paramLabel = "FILE", description = "The teams-proactive jar to run (default: this one).")
    Path jar;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for ledgers, reports and logs (default: a new temporary folder, deleted after).")
    Path work;

    @Override
    public Integer call() throws Exception {
        EnumSet<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        try {
            scenarios.forEach(s -> chosen.addAll(Scenario.named(s)));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return SandboxCommand.BAD_USAGE;
        }
        if (chosen.isEmpty()) {
            EnumSet.allOf(Scenario.class).stream().filter(s -> !s.needsDatabase()).forEach(chosen::add);
        }
        if (ledgerUrl == null && chosen.stream().anyMatch(Scenario::needsDatabase)) {
            System.err.println("bench: the cluster scenarios need a PostgreSQL database the three instances share:"
                    + " --ledger-url jdbc:postgresql://localhost/teams_bench (an empty database; see docs/cluster.md)");
            return SandboxCommand.BAD_USAGE;
        }
        if (ledgerUrl != null && !ledgerUrl.startsWith("jdbc:postgresql:")) {
            System.err.println("bench: --ledger-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host/database), not "
                    + ledgerUrl);
            return SandboxCommand.BAD_USAGE;
        }
        if (limitedUsers < 1 || unlimitedUsers < 1 || millionUsers < 1 || latencyMs < 0 || answers < 1 || answerSenders < 1) {
            System.err.println("bench: user counts, --answers and --answer-senders must be at least 1, --latency-ms at least 0");
            return SandboxCommand.BAD_USAGE;
        }
        Path jarFile = jar != null ? jar : thisJar();
        if (jarFile == null || !Files.isRegularFile(jarFile)) {
            System.err.println("bench: run it from the jar (java -jar target/teams-proactive.jar bench) or name one with --jar");
            return SandboxCommand.BAD_USAGE;
        }
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("teams-proactive-bench-") : Files.createDirectories(work);
        try {
            new BenchSuite(jarFile.toAbsolutePath(), dir.toAbsolutePath(),
                    new BenchSuite.Sizes(limitedUsers, unlimitedUsers, millionUsers, latencyMs, answers, answerSenders), serviceJvmFlags,
                    System.out, System.err, ledgerUrl, ledgerUser).run(chosen);
            return 0;
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private static Path thisJar() {
        try {
            Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
