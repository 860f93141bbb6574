package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against Microsoft's real limits, the routes' throttles keep every call under its bucket: a campaign three buckets
 * long meets no 429, first for never-contacted users (installs), then for the same users again (sends), and takes
 * at least as long as its pacing says. Without pacing, 90 installs at once would empty the 30-call install bucket.
 */
class PacedCampaignTest {
    private static final int USERS = 90;
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        // Paced at 90% of the documented limits: test machines share their cores with other builds, and a thread
        // that waits long for a core sends late, bunched with the next ones. The benchmarks run the defaults.
        fixture = PipelineFixture.start(work, SandboxOptions.defaults().withUsers(USERS), """
                teams.pacing.install-per-second=27
                teams.pacing.installed-apps-per-second=27
                teams.pacing.teams-get-per-second=27
                teams.pacing.bot-sends-per-second=45
                """);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void coldThenWarmCampaignsRunAtTheDocumentedRatesWithoutA429() throws Exception {
        JsonNode cold = fixture.sendOk(usersFile("cold.csv"));

        assertThat(cold.get("sent").asInt()).as("summary %s", cold).isEqualTo(USERS);
        assertThat(cold.get("throttled").asInt()).isZero();
        // 5 installs per 186 ms (27/s): 90 installs cannot start in less than 17 periods.
        assertThat(cold.get("durationMs").asLong()).isGreaterThanOrEqualTo(17 * 186);

        JsonNode warm = fixture.sendOk(usersFile("warm.csv"));

        assertThat(warm.get("sent").asInt()).as("summary %s", warm).isEqualTo(USERS);
        assertThat(warm.get("throttled").asInt()).isZero();
        // 9 sends per 200 ms (45/s): 90 sends cannot start in less than 9 periods.
        assertThat(warm.get("durationMs").asLong()).isGreaterThanOrEqualTo(9 * 200);
        assertThat(fixture.sandboxStats().get("throttled").asInt()).isZero();
        assertThat(fixture.sandboxDeliveries()).hasSize(2 * USERS);
    }

    /** The sandbox's computed users 1..USERS by object id (no identity lookups). */
    private Path usersFile(String name) throws Exception {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= USERS; i++) {
            csv.append(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x,User %d%n", i, i));
        }
        return Files.writeString(work.resolve(name), csv, StandardCharsets.UTF_8);
    }
}
