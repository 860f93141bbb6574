package dev.teamsproactive.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The benchmark scenarios. Cold: users never contacted (install, installation and chat lookups, then the send);
 * warm: the same users again in a new campaign (only the send: the chat comes from the conversation cache).
 * Limited: the sandbox enforces Microsoft's limits, answers after 80 ms, and the service paces itself at the documented
 * rates; unlimited: no limits, no latency, no pacing, so the figure is the engine's own speed.
 */
public enum Scenario {
    COLD_LIMITED(Group.LIMITED, false, 30.0),
    WARM_LIMITED(Group.LIMITED, true, 50.0),
    COLD_UNLIMITED(Group.UNLIMITED, false, null),
    WARM_UNLIMITED(Group.UNLIMITED, true, null),
    MILLION(Group.MILLION, false, null),
    /** A fresh {@code send} process per campaign, no warm-up: the user's experience, preflight and JIT included. */
    COLD_SEND(Group.SEND, false, 30.0),
    WARM_SEND(Group.SEND, true, 50.0),
    /** Reads a 1,000,000-row workbook (the check, then the rows streamed) in a process at -Xmx256m: its heap. */
    XLSX_MILLION(Group.XLSX, false, null),
    /** Answers absorbed by the bot's messaging endpoint (token checks on, the real routes, the ledger), the sandbox as Teams. */
    ANSWERS(Group.ANSWERS, false, null),
    /** Three `run` instances sharing a PostgreSQL ledger (bench --ledger-url) and one inbox; three files at once. */
    CLUSTER_COLD(Group.CLUSTER, false, 30.0),
    CLUSTER_WARM(Group.CLUSTER, true, 50.0),
    /** Seconds from a SIGKILL of the instance holding a campaign to that campaign's last row final. */
    CLUSTER_TAKEOVER(Group.CLUSTER, false, null);

    /** Scenarios that share one sandbox and one ledger: a warm run follows the cold run of the same users. */
    enum Group { LIMITED, UNLIMITED, MILLION, SEND, XLSX, ANSWERS, CLUSTER }

    final Group group;
    final boolean warm;
    /** The most recipients per second the sandbox's limits allow, or null when they are off. */
    final Double ceiling;

    Scenario(Group group, boolean warm, Double ceiling) {
        this.group = group;
        this.warm = warm;
        this.ceiling = ceiling;
    }

    /** The name on the command line and in the BENCH line, e.g. cold-limited. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scenarios a name on the command line stands for: one scenario, or {@code cluster} for its three. */
    public static java.util.Set<Scenario> named(String label) {
        if (label.equals("cluster")) {
            return java.util.EnumSet.of(CLUSTER_COLD, CLUSTER_WARM, CLUSTER_TAKEOVER);
        }
        return java.util.EnumSet.of(of(label));
    }

    /** Whether the scenario needs a PostgreSQL database (bench --ledger-url): not run unless named. */
    public boolean needsDatabase() {
        return group == Group.CLUSTER;
    }

    public static Scenario of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + label + "' (known: "
                        + String.join(", ", Arrays.stream(values()).map(Scenario::label).toList()) + ")"));
    }
}
