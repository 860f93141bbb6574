package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder as a person uses it, with the real routes/ and config/ against the in-process sandbox:
 * a dropped file becomes a report and moves to .done/; a bad file moves to .error/ beside its reason.
 */
class InboxDropTest {
    @TempDir
    Path work;
    private Application app;
    private Path inbox;
    private Path reports;

    @BeforeEach
    void start() throws Exception {
        Path config = PipelineFixture.configIn(work);
        inbox = work.resolve("inbox");
        reports = work.resolve("reports");
        app = Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX, null, true));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDroppedFileIsSentReportedAndMovedToDone() throws Exception {
        Files.createDirectories(inbox);
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("welcome.csv"));

        await(() -> Files.exists(inbox.resolve(".done/welcome.csv")));
        Path campaign;
        try (Stream<Path> dirs = Files.list(reports)) {
            campaign = dirs.filter(d -> d.getFileName().toString().startsWith("welcome-")).findFirst().orElseThrow();
        }
        String summary = Files.readString(campaign.resolve("summary.json"));
        assertThat(summary).contains("\"total\" : 8").contains("\"sent\" : 8");
        assertThat(Files.readAllLines(campaign.resolve("deliveries.csv"))).hasSize(9);
        assertThat(app.sandbox().tenant().deliveries().count()).isEqualTo(8);
    }

    @Test
    void aFileWithoutARecipientColumnIsSetAsideWithItsReason() throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("people.csv"), "name,team\nAda,Engineering\n");

        await(() -> Files.exists(inbox.resolve(".error/people.csv.error.txt")));
        await(() -> Files.exists(inbox.resolve(".error/people.csv")));
        assertThat(Files.readString(inbox.resolve(".error/people.csv.error.txt")))
                .contains("inbox/people.csv").contains("line 1").contains("no recipient column");
        assertThat(app.sandbox().tenant().deliveries().count()).isZero();
    }

    @Test
    void aFileInATemplateFolderUsesThatTemplate() throws Exception {
        Files.createDirectories(inbox.resolve("notice"));
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("notice/n.csv"));

        await(() -> Files.exists(inbox.resolve(".done/n.csv")));
        assertThat(app.sandbox().tenant().deliveries().all()).allSatisfy(d -> assertThat(d.text()).isNotBlank());
    }

    @Test
    void theSameFileInAnotherTemplateFolderIsAnotherCampaignAndTheSameFolderAgainSendsNothing() throws Exception {
        Files.createDirectories(inbox.resolve("notice"));
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("welcome.csv"));
        await(() -> Files.exists(inbox.resolve(".done/welcome.csv")));
        assertThat(app.sandbox().tenant().deliveries().count()).isEqualTo(8);
        String defaultId = campaignIds().get(0);
        assertThat(defaultId).as("the default template keeps the id a file always had")
                .isEqualTo(dev.teamsproactive.ledger.CampaignIds.forFile("welcome.csv",
                        new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of("examples/recipients.csv")))));

        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("notice/welcome.csv"));
        await(() -> app.sandbox().tenant().deliveries().count() == 16 && campaignIds().size() == 2
                && Files.exists(reports.resolve(defaultId + ".notice").resolve("summary.json")));
        assertThat(campaignIds()).containsExactly(defaultId, defaultId + ".notice");
        assertThat(Files.readString(reports.resolve(defaultId + ".notice").resolve("summary.json")))
                .contains("\"template\" : \"notice\"").contains("\"sent\" : 8");
        await(() -> !Files.exists(inbox.resolve("notice/welcome.csv")));

        // The same file with the same template once more: the same campaign, nobody gets it twice.
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("notice/welcome.csv"));
        await(() -> !Files.exists(inbox.resolve("notice/welcome.csv")));
        assertThat(app.sandbox().tenant().deliveries().count()).isEqualTo(16);
        assertThat(campaignIds()).hasSize(2);
    }

    private java.util.List<String> campaignIds() {
        try (Stream<Path> dirs = Files.list(reports)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("welcome-")).sorted().toList();
        } catch (java.io.IOException noReportsYet) {
            return java.util.List.of();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
