package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that hold recipients, ids or a rejected file's reason are readable by their owner only (0600), like the
 * reports: the H2 ledger's files and the inbox's .error.txt, written by the real routes.
 */
class PrivateFilesTest {
    @TempDir
    Path work;

    @Test
    void theLedgerFilesAndARejectedFilesReasonAreOwnerOnly() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Path inbox = work.resolve("inbox");
        try (Application app = Application.start(new Application.Options(config, Path.of("routes"),
                TargetResolver.Mode.SANDBOX, null, true))) {
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve("people.csv"), "name,team\nAda,Engineering\n");
            Path reason = inbox.resolve(".error/people.csv.error.txt");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.exists(reason) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(reason).exists();
            assertThat(permissions(reason)).isEqualTo("rw-------");

            List<Path> ledgerFiles;
            try (Stream<Path> files = Files.list(work.resolve("ledger"))) {
                ledgerFiles = files.filter(f -> f.getFileName().toString().matches("ledger\\..*db")).toList();
            }
            assertThat(ledgerFiles).isNotEmpty();
            for (Path file : ledgerFiles) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
            assertThat(permissions(work.resolve("ledger"))).isEqualTo("rwx------");
        }
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
