package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.tls.SandboxTls;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Readiness fails while the ledger or the token endpoint cannot be reached, and says which. */
class ReadinessChecksTest {
    @Test
    void theTokenEndpointCheckIsUpAgainstTheSandboxAndDownWhenNothingAnswers() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0))) {
            HealthCheck up = check(new TokenEndpointHealthCheck(sandbox.url(), sandbox.tenant().tenantId(),
                    SandboxTls.clientContext(), Clock.systemUTC()));
            HealthCheck.Result answer = up.call();
            assertThat(answer.getState()).as(answer.getMessage().orElse("")).isEqualTo(HealthCheck.State.UP);
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HealthCheck down = check(new TokenEndpointHealthCheck("https://127.0.0.1:" + closedPort, "tenant",
                SandboxTls.clientContext(), Clock.systemUTC()));
        HealthCheck.Result result = down.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("unreachable").contains("127.0.0.1:" + closedPort);
        assertThat(down.isReadiness()).isTrue();
        assertThat(down.isLiveness()).isFalse();
    }

    @Test
    void theLedgerCheckIsUpWhileTheLedgerAnswersAndDownOnceItIsGone() throws Exception {
        Ledger ledger = Ledger.open("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
        HealthCheck check = check(new LedgerHealthCheck(ledger.dataSource()));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        ledger.close();
        HealthCheck.Result result = check.call(Map.of());
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().startsWith("The ledger is unreachable");
    }

    @Test
    void theLedgerCheckIsDownWhenTheLedgerAnswersButCannotRecord() throws Exception {
        try (Ledger ledger = Ledger.open("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "")) {
            HealthCheck check = check(new LedgerHealthCheck(ledger.dataSource()));
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
            // Every insert now fails its check, as inserts did once the connection that created the tables was gone.
            try (Connection c = ledger.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE campaigns ADD CONSTRAINT refuses_everything CHECK (status = 'NEVER')");
                c.commit();
            }

            HealthCheck.Result result = check.call(Map.of());

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).get().asString().startsWith("The ledger cannot record");
            assertThat(ledger.findCampaign("readiness-probe")).as("the probe leaves nothing behind").isEmpty();
        }
    }

    private static HealthCheck check(org.apache.camel.impl.health.AbstractHealthCheck check) {
        check.setCamelContext(new DefaultCamelContext());
        return check;
    }
}
