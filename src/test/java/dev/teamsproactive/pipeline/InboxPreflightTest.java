package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file dropped while the tenant is not set up (here: the configured app is not in the catalog) is set aside in
 * inbox/.error/ with the preflight's message beside it, and nothing is sent.
 */
class InboxPreflightTest {
    @TempDir
    Path work;

    @Test
    void aDroppedFileMeetingAFailedPreflightIsSetAsideWithTheMessage() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Files.writeString(config.resolve("application.properties"),
                "\nteams.app-external-id=00000000-1111-4222-8333-444444444444\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path inbox = work.resolve("inbox");
        try (Application app = Application.start(new Application.Options(config, Path.of("routes"),
                TargetResolver.Mode.SANDBOX, null, true))) {
            Files.createDirectories(inbox);
            Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("welcome.csv"));

            Path reason = inbox.resolve(".error/welcome.csv.error.txt");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(reason) || !Files.exists(inbox.resolve(".error/welcome.csv"))) {
                if (!Instant.now().isBefore(deadline)) {
                    try (var files = Files.walk(inbox)) {
                        throw new AssertionError("inbox holds " + files.toList());
                    }
                }
                Thread.sleep(100);
            }
            assertThat(Files.readString(reason)).startsWith("Preflight failed: the app with manifest id"
                    + " 00000000-1111-4222-8333-444444444444 is not in the tenant's app catalog");
            assertThat(app.sandbox().tenant().deliveries().count()).isZero();
        }
    }
}
