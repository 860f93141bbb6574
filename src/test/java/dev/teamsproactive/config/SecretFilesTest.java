package dev.teamsproactive.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A secret file inside config/ or a git working tree is read, with a warning that it would be committed. */
class SecretFilesTest {
    private static final String SECRET = "file-secret-0123456789";
    @TempDir
    Path work;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(Secrets.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void aSecretFileInsideTheConfigFolderIsWarnedAbout() throws Exception {
        Path config = Files.createDirectories(work.resolve("config"));
        Path file = Files.writeString(config.resolve("client-secret.txt"), SECRET + "\n");

        assertThat(Secrets.read(settings(config, file), "teams.client-secret")).contains(SECRET);

        assertThat(warnings()).singleElement().asString()
                .startsWith("teams.client-secret-file names " + file.toRealPath() + ", inside " + config.toRealPath())
                .contains("one 'git add' away from being committed").contains("TEAMS_CLIENT_SECRET").doesNotContain(SECRET);
    }

    @Test
    void aSecretFileInsideAGitWorkingTreeIsWarnedAbout() throws Exception {
        Path repo = Files.createDirectories(work.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path file = Files.writeString(Files.createDirectories(repo.resolve("secrets")).resolve("bot.txt"), SECRET);

        assertThat(Secrets.read(settings(Files.createDirectories(work.resolve("config")), file),
                "teams.client-secret")).contains(SECRET);

        assertThat(warnings()).singleElement().asString().contains(", inside " + repo.toRealPath() + ":");
    }

    @Test
    void aSecretFileOutsideIsReadSilently() throws Exception {
        Path file = Files.writeString(Files.createDirectories(work.resolve("etc")).resolve("secret"), SECRET);

        assertThat(Secrets.read(settings(Files.createDirectories(work.resolve("config")), file),
                "teams.client-secret")).contains(SECRET);

        assertThat(warnings()).isEmpty();
    }

    private static Settings settings(Path config, Path secretFile) throws Exception {
        return Settings.load(config, Map.of("TEAMS_CLIENT_SECRET_FILE", secretFile.toString()));
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
