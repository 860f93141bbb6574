package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.pipeline.PipelineFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with settings naming a real tenant. A forgotten secret is an error naming it, before anything runs, never
 * a silent switch to the built-in sandbox. With every piece set but the token endpoint unreachable, {@code run} says
 * so in one line naming the configured host and exits 1 at once, instead of retrying for a minute and ending in a
 * stack trace; its first line is the target.
 */
class TenantTargetIT {
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final String UNREACHABLE_HOST = "login.unresolvable.invalid";

    @TempDir
    Path work;

    @Test
    void aForgottenSecretExitsOneNamingItAndNothingRuns() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Files.copy(Path.of("examples/recipients.csv"), work.resolve("welcome.csv"));

        try (JarProcess send = JarProcess.start(work, tenant(), "send", "welcome.csv", "--config", config.toString(),
                "--routes", Path.of("routes").toAbsolutePath().toString())) {
            int exit = send.exitCode(Duration.ofSeconds(60));

            List<String> err = send.stderrLines();
            assertThat(exit).as("standard error: %s", err).isEqualTo(1);
            assertThat(err.get(0)).contains("TEAMS_CLIENT_SECRET").contains("Nothing was sent");
            assertThat(String.join("\n", err)).doesNotContainIgnoringCase("sandbox (https").doesNotContain("Apache Camel");
            assertThat(work.resolve("reports")).doesNotExist();
            assertThat(work.resolve("ledger")).as("the ledger was not even opened").doesNotExist();
        }
    }

    @Test
    void anUnreachableTokenEndpointIsOneLineNamingItsHostAndAPromptExit() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Files.writeString(config.resolve("application.properties"), "\nteams.http.enabled=false\n",
                java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> env = tenant();
        env.put("TEAMS_CLIENT_SECRET", "not-a-real-secret");
        env.put("TEAMS_AUTHORITY_URL", "https://" + UNREACHABLE_HOST);

        try (JarProcess run = JarProcess.start(work, env, "run", "--config", config.toString(), "--routes",
                Path.of("routes").toAbsolutePath().toString())) {
            long start = System.nanoTime();
            int exit = run.exitCode(Duration.ofSeconds(90));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            List<String> err = run.stderrLines();
            assertThat(exit).as("standard error: %s", err).isEqualTo(1);
            assertThat(err.get(0)).isEqualTo("Target: tenant " + TENANT + " (global cloud)");
            assertThat(err).anyMatch(l -> l.startsWith("Preflight failed: " + UNREACHABLE_HOST + " cannot be reached"));
            assertThat(err).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
            assertThat(err).as("it was not stopped by a signal").noneMatch(l -> l.contains("SIGTERM"));
            // Start-up alone takes seconds on a busy machine; the backoff before took a minute more.
            assertThat(took).isLessThan(Duration.ofSeconds(45));
        }
    }

    private static Map<String, String> tenant() {
        Map<String, String> env = new HashMap<>();
        env.put("TEAMS_TENANT_ID", TENANT);
        env.put("TEAMS_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001");
        env.put("TEAMS_APP_EXTERNAL_ID", "bbbbbbbb-0000-4000-8000-000000000002");
        return env;
    }
}
