package dev.teamsproactive.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.EmbeddedPostgresDatabases;
import dev.teamsproactive.ledger.Ledger;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Members on one PostgreSQL ledger: join, a duplicate live instance id refused, heartbeats, who holds what, leaving. */
class MembersTest {
    @RegisterExtension
    static final EmbeddedPostgresDatabases POSTGRES = new EmbeddedPostgresDatabases();

    private Ledger ledger;
    private final java.util.List<Members> started = new java.util.ArrayList<>();

    @BeforeEach
    void openLedger() {
        ledger = Ledger.open(POSTGRES.newDatabase(), "postgres", "");
    }

    @AfterEach
    void close() {
        started.forEach(Members::close);
        ledger.close();
    }

    private Members member(String id, String process) {
        Members m = new Members(ledger.dataSource(),
                new ClusterSettings(true, id, Duration.ofSeconds(1), Duration.ofSeconds(3)), process);
        started.add(m);
        return m;
    }

    @Test
    void twoMembersAreListedWithTheCampaignsTheirRunsHold() throws Exception {
        member("node-a", "host-a/101/1").join();
        member("node-b", "host-b/202/2").join();
        ledger.registerCampaign("c-1", "inbox/a.csv", "welcome", 1);
        assertThat(ledger.takeLease("c-1", "host-b/202/2/run1", Instant.now().plusSeconds(60), owner -> false).taken())
                .isTrue();

        var live = started.get(0).live();

        assertThat(live).extracting(Members.Member::instanceId).containsExactly("node-a", "node-b");
        assertThat(live.get(0).campaigns()).isEmpty();
        assertThat(live.get(1).campaigns()).containsExactly("c-1");
        var json = new ObjectMapper().readTree(ClusterApi.json(live));
        assertThat(json.get(1).get("instanceId").asText()).isEqualTo("node-b");
        assertThat(json.get(1).get("host").asText()).isNotBlank();
        assertThat(Instant.parse(json.get(1).get("lastHeartbeat").asText())).isBefore(Instant.now().plusSeconds(5));
        assertThat(json.get(1).get("campaigns").get(0).asText()).isEqualTo("c-1");
    }

    @Test
    void aSecondInstanceWithTheIdOfALiveMemberStartsNothing() {
        member("node-a", "host-a/101/1").join();

        assertThatThrownBy(() -> member("node-a", "host-a/999/9").join()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("teams.cluster.instance-id=node-a").hasMessageContaining("nothing was started");
    }

    @Test
    void theHeartbeatKeepsAMemberLiveAndASilentOneDropsOutAndItsIdIsFreeAgain() throws Exception {
        Members a = member("node-a", "host-a/101/1");
        a.join();
        Thread.sleep(4_000);
        assertThat(a.live()).extracting(Members.Member::instanceId).containsExactly("node-a");

        try (Connection c = ledger.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE cluster_members SET process = 'gone' WHERE instance_id = 'node-a'");
            s.executeUpdate("UPDATE cluster_members SET last_heartbeat = now() - interval '10 seconds'");
            c.commit();
        }
        started.remove(a);
        a.close();
        Members b = member("node-b", "host-b/202/2");
        b.join();
        assertThat(b.live()).extracting(Members.Member::instanceId).containsExactly("node-b");
        member("node-a", "host-a/303/3").join();
    }

    @Test
    void aMemberThatStopsCleanlyLeavesAtOnce() {
        Members a = member("node-a", "host-a/101/1");
        a.join();
        Members b = member("node-b", "host-b/202/2");
        b.join();

        a.close();

        assertThat(b.live()).extracting(Members.Member::instanceId).containsExactly("node-b");
    }
}
