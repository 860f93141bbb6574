package dev.teamsproactive.app;

import dev.teamsproactive.config.Settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each documented rate becomes an even throttle: never faster than the rate, within 1% of it, in small bursts. */
class PacingTest {
    @ParameterizedTest
    @ValueSource(doubles = {30, 50, 350, 500, 800, 15, 7, 33, 1.5, 0.5, 1_000_000})
    void aStepNeverExceedsTheRateAndComesWithinOnePercent(double rate) {
        Pacing.Step step = Pacing.Step.of(rate);

        assertThat(step.perSecond()).isLessThanOrEqualTo(rate).isGreaterThanOrEqualTo(0.99 * rate);
        assertThat(step.permits()).isBetween(1L, 1000L);
        // A burst is at most about a fifth of what the service's bucket holds (one second's worth).
        assertThat((double) step.permits()).isLessThanOrEqualTo(Math.max(1, rate / 5 + 1));
    }

    @Test
    void theDocumentedLimitsSpreadOverAFifthOfASecond() {
        assertThat(Pacing.Step.of(30)).isEqualTo(new Pacing.Step(6, 200));
        assertThat(Pacing.Step.of(50)).isEqualTo(new Pacing.Step(10, 200));
    }

    @Test
    void theRoutesGetPermitsAndPeriodsForEveryBucket(@TempDir Path config) throws Exception {
        Files.copy(Path.of("config/application.properties"), config.resolve("application.properties"));
        Properties out = new Properties();

        Pacing.derive(Settings.load(config, Map.of("TEAMS_PACING_BOT_SENDS_PER_SECOND", "25")), out);

        assertThat(out).containsEntry("teams.pacing.install.permits", "6").containsEntry("teams.pacing.install.period-ms", "200")
                .containsEntry("teams.pacing.bot-sends.permits", "5").containsEntry("teams.pacing.identity.permits", "70")
                .containsKeys("teams.pacing.installed-apps.period-ms", "teams.pacing.teams-get.period-ms");
    }

    @Test
    void aRateThatIsNotAPositiveNumberIsNamed(@TempDir Path config) throws Exception {
        Files.copy(Path.of("config/application.properties"), config.resolve("application.properties"));
        Settings settings = Settings.load(config, Map.of("TEAMS_PACING_INSTALL_PER_SECOND", "fast"));

        assertThatThrownBy(() -> Pacing.derive(settings, new Properties())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teams.pacing.install-per-second").hasMessageContaining("'fast'");
        assertThatThrownBy(() -> Pacing.Step.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
