package dev.teamsproactive.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * cluster-cold, cluster-warm, cluster-takeover: three instances sharing the PostgreSQL database, one working folder
 * and the sandbox at --limits real (ClusterBench). The limited scenarios' users, split over three files per round.
 */
final class ClusterScenarios {
    private final Path jar;
    private final ClusterDatabase database;
    private final BenchSuite.Sizes sizes;
    private final List<String> serviceJvmFlags;
    private final BenchLines lines;
    private final PrintStream log;

    /** @param database the PostgreSQL database of the cluster scenarios (bench --ledger-url), or null */
    ClusterScenarios(Path jar, ClusterDatabase database, BenchSuite.Sizes sizes, List<String> serviceJvmFlags,
            BenchLines lines, PrintStream log) {
        this.jar = jar;
        this.database = database;
        this.sizes = sizes;
        this.serviceJvmFlags = serviceJvmFlags;
        this.lines = lines;
        this.log = log;
    }

    void run(Path dir, Set<Scenario> chosen) throws IOException, InterruptedException {
        if (database == null) {
            throw new IOException("the cluster scenarios need a PostgreSQL database: --ledger-url jdbc:postgresql://…");
        }
        int users = sizes.limitedUsers();
        ClusterBench cluster = new ClusterBench(jar, dir, database, users, sizes.latencyMs(), serviceJvmFlags, log);
        database.checkEmpty();
        List<String> sandboxFlags = List.of("--users", Integer.toString(users + ClusterBench.INSTANCES
                * BenchSuite.WARM_UP_USERS), "--limits", "real", "--latency-ms", Integer.toString(sizes.latencyMs()));
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
                    lines.reportTakeover(takeover);
                }

                private void reportIfChosen(Scenario scenario, Measured measured) {
                    if (chosen.contains(scenario)) {
                        lines.report(scenario, measured);
                    } else {
                        log.printf("bench: the %s round (not asked for, not measured): %s%n", scenario.label(),
                                measured.details());
                    }
                }
            });
        }
    }
}
