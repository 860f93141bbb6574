package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.testsupport.Reports;
import dev.teamsproactive.testsupport.Workbooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Excel workbook dropped into inbox/ is a campaign like a CSV file: the same rows give the same report, through
 * the real routes against the in-process sandbox; a workbook that cannot be read is set aside with its reason.
 */
class WorkbookDropTest {
    @TempDir
    Path work;

    @Test
    void aWorkbookWithTheRowsOfTheMixedExampleGivesTheSameReportAsTheCsvFile() throws Exception {
        Path csv = Path.of("examples/mixed.csv");
        Path xlsx = Workbooks.fromCsv(csv, Files.createDirectories(work.resolve("staged")).resolve("mixed.xlsx"));

        Path fromCsv = dropAndAwaitReport(work.resolve("csv"), csv, "mixed.csv");
        Path fromXlsx = dropAndAwaitReport(work.resolve("xlsx"), xlsx, "mixed.xlsx");

        assertThat(Reports.deliveries(fromXlsx)).hasSize(10)
                .containsExactlyInAnyOrderElementsOf(Reports.deliveries(fromCsv));
        assertThat(Reports.counts(fromXlsx)).isEqualTo(Reports.counts(fromCsv));
    }

    @Test
    void aWorkbookThatIsNotOneIsSetAsideWithItsReason() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (Application app = start(work)) {
            Files.writeString(inbox.resolve("people.xlsx"), "upn,name\nada@contoso.example,Ada\n");

            await(() -> Files.exists(inbox.resolve(".error/people.xlsx.error.txt")));
            await(() -> Files.exists(inbox.resolve(".error/people.xlsx")));
            assertThat(Files.readString(inbox.resolve(".error/people.xlsx.error.txt")))
                    .contains("inbox/people.xlsx").contains("not an Excel workbook");
            assertThat(app.sandbox().tenant().deliveries().count()).isZero();
        }
    }

    /** A service of its own (own sandbox, ledger, reports) takes the file from its inbox; returns its report folder. */
    private static Path dropAndAwaitReport(Path work, Path file, String name) throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (Application app = start(work)) {
            Files.copy(file, inbox.resolve(name));
            await(() -> Files.exists(inbox.resolve(".done").resolve(name)));
        }
        try (Stream<Path> dirs = Files.list(work.resolve("reports"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("mixed-")).findFirst().orElseThrow();
        }
    }

    private static Application start(Path work) throws Exception {
        Path config = PipelineFixture.configIn(work);
        return Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX, null, true));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
