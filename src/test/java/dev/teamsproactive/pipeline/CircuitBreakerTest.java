package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.faults.FaultSpec;
import dev.teamsproactive.sandbox.http.Service;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that goes down mid-campaign: its circuit breaker opens and stops the calls (a few probes only, not
 * every recipient's every retry), recipients wait instead of failing, and when the service is back the breaker
 * closes and the campaign completes with everyone SENT once: Graph, and the token endpoint (whose outage would
 * otherwise fail every call at once). Backoffs and breaker timings are shortened here.
 */
class CircuitBreakerTest {
    private static final int RECIPIENTS = 20;
    private static final int MAX_RETRIES = 5;
    /** Short timings: the bare retry budget of one recipient (50+100+200+400+400 ms at most) is about 1.2 s. */
    private static final Map<String, String> FAST = Map.of(
            "teams.backoff.first-delay-ms", "50",
            "teams.backoff.max-delay-ms", "400",
            "teams.backoff.max-retries", Integer.toString(MAX_RETRIES),
            "teams.breaker.window", "10",
            "teams.breaker.minimum-calls", "5",
            "teams.breaker.open-ms", "300",
            "teams.breaker.half-open-calls", "2",
            "teams.breaker.wait-ms", "100",
            "teams.breaker.max-wait-ms", "60000",
            "teams.chat-lookup.delay-ms", "100");
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void graphDownMidCampaignOpensTheBreakerAndNobodyFailsUntilItIsBack() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(RECIPIENTS)
                .withLimits(LimitsMode.parse("x10")), FAST);
        // Tokens and the catalog id are cached by a first campaign, so the outage meets Graph calls only.
        assertThat(fixture.sendOk(csv("warm-up.csv", "upn,name\nada@contoso.example,Ada\n")).get("sent").asInt()).isEqualTo(1);
        CircuitBreaker graph = breaker("graphBreaker");
        List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        graph.getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition()));

        fixture.sandbox.tenant().faults(FaultSpec.parse("5xx=1"));
        long outageStart = System.nanoTime();
        Future<Exchange> campaign = fixture.app.producer().asyncSend("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, syntheticUsers().toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, "outage.csv");
            ex.setProperty(Props.TEMPLATE, "");
        });
        // Down for longer than a recipient's own retries would last, and until the breaker has probed and
        // re-opened twice.
        await(Duration.ofSeconds(30), () -> transitions.stream().filter(t -> t == StateTransition.HALF_OPEN_TO_OPEN).count() >= 2
                && System.nanoTime() - outageStart > TimeUnit.MILLISECONDS.toNanos(2_500));
        long failedCalls = serverErrors();
        fixture.sandbox.tenant().faults(FaultSpec.NONE);

        Exchange done = campaign.get(60, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        JsonNode summary = SandboxTestClient.JSON.readTree(done.getMessage().getBody(String.class));
        assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(RECIPIENTS);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(transitions).contains(StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN,
                StateTransition.HALF_OPEN_TO_OPEN);
        assertThat(transitions.get(transitions.size() - 1)).isEqualTo(StateTransition.HALF_OPEN_TO_CLOSED);
        assertThat(graph.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // Without the breaker each recipient would have made 1 + MAX_RETRIES calls in that time, then been FAILED.
        assertThat(failedCalls).isLessThan(RECIPIENTS * (1 + MAX_RETRIES) / 2);
        Set<String> users = new HashSet<>();
        for (JsonNode d : fixture.sandboxDeliveries()) {
            assertThat(users.add(d.get("userId").asText())).as("one message per user").isTrue();
        }
        assertThat(users).hasSize(RECIPIENTS + 1);
    }

    @Test
    void tokenEndpointDownMidCampaignOpensItsBreakerAndNobodyFailsUntilItIsBack() throws Exception {
        // Tokens live 2 s, under msal4j's 5-minute renewal margin: every call asks the token endpoint for one, so
        // its outage is met at once. Sends are paced at 5/s so the outage begins mid-campaign (after the preflight).
        Map<String, String> settings = new java.util.HashMap<>(FAST);
        settings.put("teams.pacing.bot-sends-per-second", "5");
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(RECIPIENTS)
                .withLimits(LimitsMode.parse("x10")).withTokenLifetime(Duration.ofSeconds(2)), settings);
        CircuitBreaker tokenEndpoint = breaker("tokenEndpointBreaker");
        List<StateTransition> transitions = new CopyOnWriteArrayList<>();
        tokenEndpoint.getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition()));
        Future<Exchange> campaign = fixture.app.producer().asyncSend("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, syntheticUsers().toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, "outage.csv");
            ex.setProperty(Props.TEMPLATE, "");
        });
        await(Duration.ofSeconds(30), () -> fixture.sandboxDeliveries().size() >= 3);

        fixture.sandbox.tenant().faults(Service.IDENTITY, FaultSpec.parse("5xx=1"));
        long outageStart = System.nanoTime();
        await(Duration.ofSeconds(30), () -> transitions.contains(StateTransition.CLOSED_TO_OPEN)
                && System.nanoTime() - outageStart > TimeUnit.MILLISECONDS.toNanos(2_500));
        int deliveredDuringOutage = fixture.sandboxDeliveries().size();
        fixture.sandbox.tenant().faults(Service.IDENTITY, FaultSpec.NONE);

        Exchange done = campaign.get(60, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        JsonNode summary = SandboxTestClient.JSON.readTree(done.getMessage().getBody(String.class));
        assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(RECIPIENTS);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(deliveredDuringOutage).as("the outage began mid-campaign").isLessThan(RECIPIENTS);
        assertThat(transitions).contains(StateTransition.CLOSED_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN);
        assertThat(tokenEndpoint.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // Only Graph and the Bot Connector were fine: their breakers never opened.
        assertThat(breaker("graphBreaker").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        Set<String> users = new HashSet<>();
        for (JsonNode d : fixture.sandboxDeliveries()) {
            assertThat(users.add(d.get("userId").asText())).as("one message per user").isTrue();
        }
        assertThat(users).hasSize(RECIPIENTS);
    }

    private CircuitBreaker breaker(String name) {
        return fixture.app.context().getRegistry().lookupByNameAndType(name, CircuitBreaker.class);
    }

    /** The 5xx answers the sandbox gave so far, over every endpoint. */
    private long serverErrors() {
        long n = 0;
        for (JsonNode byStatus : fixture.sandboxStats().get("requests")) {
            for (var it = byStatus.fields(); it.hasNext();) {
                var status = it.next();
                if (status.getKey().startsWith("5")) {
                    n += status.getValue().asLong();
                }
            }
        }
        return n;
    }

    private Path syntheticUsers() throws Exception {
        return csv("outage.csv", "upn,name\n" + IntStream.rangeClosed(1, RECIPIENTS).mapToObj(n -> "user" + n + "@contoso.example,User " + n)
                .collect(Collectors.joining("\n")) + "\n");
    }

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }

    static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
