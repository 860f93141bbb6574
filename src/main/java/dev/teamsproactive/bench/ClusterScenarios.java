package dev.teamsproactive.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * cluster-cold, cluster-warm, cluster-takeover: three instances sharing the PostgreSQL database, one working folder
 * and the sandbox at --limits real (ClusterBench). The limited scenarios' users, split over three files per round.
 */
final class ClusterScenarios {
    private final BenchSetup setup;
    private final ClusterDatabase database;

    /** @param database the PostgreSQL database of the cluster scenarios (bench --ledger-url), or null */
    ClusterScenarios(BenchSetup setup, ClusterDatabase database) {
        this.setup = setup;
        this.database = database;
    }

    void run(Path dir, Set<Scenario> chosen) throws IOException, InterruptedException {
        if (database == null) {
            throw new IOException("the cluster scenarios need a PostgreSQL database: --ledger-url jdbc:postgresql://…");
        }
        int users = setup.sizes().limitedUsers();
        ClusterBench cluster = new ClusterBench(setup, dir, database);
        database.checkEmpty();
        List<String> sandboxFlags = List.of("--users", Integer.toString(users + ClusterBench.INSTANCES
                * BenchSuite.WARM_UP_USERS), "--limits", "real", "--latency-ms",
                Integer.toString(setup.sizes().latencyMs()));
        setup.log().printf("bench: cluster: sandbox %s, ledger %s, work folder %s%n", String.join(" ", sandboxFlags),
                database.url(), dir);
        ServiceProcess.Heap noHeap = new ServiceProcess.Heap(Double.NaN, Double.NaN);
        try (SandboxProcess sandbox = SandboxProcess.start(setup.jar(), dir.resolve("sandbox.log"), sandboxFlags)) {
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
                    setup.lines().reportTakeover(takeover);
                }

                private void reportIfChosen(Scenario scenario, Measured measured) {
                    if (chosen.contains(scenario)) {
                        setup.lines().report(scenario, measured);
                    } else {
                        setup.log().printf("bench: the %s round (not asked for, not measured): %s%n", scenario.label(),
                                measured.details());
                    }
                }
            });
        }
    }
}
