package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.campaigns.CampaignSchedules;
import dev.teamsproactive.input.InboxEntries;
import dev.teamsproactive.input.LogText;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A file dropped in the inbox (or a campaign file in config/campaigns/) never makes the service read, quote or move a
 * file outside its own folder, and never writes a forged log line; with the real routes/ and config/ against the
 * in-process sandbox. Each outside file holds a secret that must appear nowhere: not in .error.txt, not in the logs.
 */
class InboxSafetyTest {
    private static final String SECRET = "TEAMS_CLIENT_SECRET=outside-secret-4711";
    @TempDir
    Path work;
    private Application app;
    private Path inbox;
    private Path errors;
    private Path outside;
    private final List<ILoggingEvent> logs = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            synchronized (logs) {
                logs.add(e);
            }
        }
    };

    @BeforeEach
    void start() throws Exception {
        inbox = work.resolve("inbox");
        errors = inbox.resolve(".error");
        outside = Files.createDirectories(work.resolve("outside"));
        Files.createDirectories(inbox);
        capture.start();
        rootLogger().addAppender(capture);
    }

    private void startService() throws Exception {
        Path config = PipelineFixture.configIn(work);
        app = Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX, null, true));
    }

    @AfterEach
    void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            rootLogger().detachAppender(capture);
        }
    }

    @ParameterizedTest(name = "file: {0}")
    @ValueSource(strings = {"ABSOLUTE", "../outside/env.csv"})
    void aDroppedCampaignWhoseRecipientsFileIsOutsideTheInboxIsRejectedUnread(String named) throws Exception {
        Path env = Files.writeString(outside.resolve("env.csv"), SECRET + "\nada@contoso.example\n");
        String file = named.equals("ABSOLUTE") ? env.toAbsolutePath().toString() : named;
        startService();

        Files.writeString(inbox.resolve("steal.json"), "{\"audience\": {\"file\": \"" + file + "\"}}");

        String reason = awaitErrorText("steal.json");
        assertThat(reason).contains("inbox/steal.json").contains("line 1")
                .contains(named.equals("ABSOLUTE") ? "absolute path" : "'..'").contains("its own folder");
        assertThat(Files.exists(errors.resolve("steal.json"))).isTrue();
        assertThat(Files.readString(env)).startsWith(SECRET);
        assertNothingSentAndSecretNowhere();
    }

    @Test
    void aDroppedCampaignWhoseRecipientsFileLinksOutOfTheInboxIsRejected() throws Exception {
        Files.writeString(outside.resolve("env.csv"), SECRET + "\n");
        // The link sits in a hidden folder, which the inbox does not take itself: only the campaign names it.
        Path lists = Files.createDirectories(inbox.resolve(".lists"));
        Files.createSymbolicLink(lists.resolve("people.csv"), outside.resolve("env.csv"));
        startService();

        Files.writeString(inbox.resolve("linked.json"), "{\"audience\": {\"file\": \".lists/people.csv\"}}");

        assertThat(awaitErrorText("linked.json")).contains("is a link to a file outside");
        assertNothingSentAndSecretNowhere();
    }

    @Test
    void aSymlinkedFileIsSetAsideUnreadWithItsReason() throws Exception {
        Path target = Files.writeString(outside.resolve("passwd.csv"), SECRET + "\n");
        startService();

        Files.createSymbolicLink(inbox.resolve("passwd.csv"), target);

        assertThat(awaitErrorText("passwd.csv")).contains("inbox/passwd.csv").contains("symbolic link");
        assertThat(Files.isSymbolicLink(errors.resolve("passwd.csv"))).as("the link itself was moved").isTrue();
        assertThat(Files.readString(target)).isEqualTo(SECRET + "\n");
        assertOwnerOnly(errors.resolve("passwd.csv.error.txt"));
        assertNothingSentAndSecretNowhere();
    }

    @Test
    void aSymlinkedFolderIsSetAsideAndNothingInItIsMovedOrSent() throws Exception {
        Path folder = Files.createDirectories(outside.resolve("notice"));
        Path people = Files.copy(Path.of("examples/recipients.csv"), folder.resolve("people.csv"));
        startService();

        // Named like a template folder, so that following it would send the file and move it into .done/.
        Files.createSymbolicLink(inbox.resolve("notice"), folder);

        assertThat(awaitErrorText("notice")).contains("inbox/notice").contains("symbolic link to a folder");
        assertThat(Files.isSymbolicLink(errors.resolve("notice"))).isTrue();
        Thread.sleep(3000);
        assertThat(people).as("the file outside stays where it is").exists();
        assertThat(Files.readString(people)).isEqualTo(Files.readString(Path.of("examples/recipients.csv")));
        assertThat(inbox.resolve(".done/people.csv")).doesNotExist();
        assertNothingSentAndSecretNowhere();
    }

    @Test
    void controlAndBidiCharactersInANameAndAHeaderWriteOneEscapedLogLine() throws Exception {
        startService();
        String name = "evil\r\n12:00:00.000 INFO  forged - all good\u202Evsc.\u200Bcsv";
        Files.writeString(inbox.resolve(name), "\"na\r\nme\",te\u202Eam\u200B\nAda,Engineering\n", StandardCharsets.UTF_8);

        await(() -> rejectedLines().size() == 1);
        String line = rejectedLines().get(0);
        assertThat(line).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u202E").doesNotContain("\u200B")
                .contains("inbox/evil\\r\\n12:00:00.000 INFO  forged - all good\\u202Evsc.\\u200Bcsv")
                .contains("no recipient column").contains("na\\r\\nme, te\\u202Eam\\u200B");
        await(() -> Files.exists(errors.resolve(name + ".error.txt")));
        String reason = Files.readString(errors.resolve(name + ".error.txt"));
        assertThat(reason.strip()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u202E")
                .doesNotContain("\u200B").isEqualTo(line.substring(("Rejected inbox/" + LogText.escape(name) + ": ").length()));
        assertOwnerOnly(errors.resolve(name + ".error.txt"));
    }

    @Test
    void aRecipientFailedLineEscapesBidiAndInvisibleCharacters() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.start(work.resolve("fixture"), SandboxOptions.defaults())) {
            Path file = Files.writeString(work.resolve("bidi.csv"),
                    "upn,name\n\"nob\u202Eody\u200B@contoso.example\r\n12:00 INFO forged\",Nobody\n", StandardCharsets.UTF_8);
            fixture.sendOk(file);
        }
        List<String> failed = lines("Recipient failed:");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)).doesNotContain("\u202E").doesNotContain("\u200B").doesNotContain("\r")
                .doesNotContain("\n").contains("recipient=\"nob\\u202Eody\\u200B@contoso.example\\r\\n12:00 INFO forged\"");
    }

    @Test
    void aNameTooLongToLockAndAHiddenFileAreSetAsideWithTheirReason() throws Exception {
        startService();
        String longName = "a".repeat(250) + ".csv";
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve(longName));
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("..evil.csv"));
        Files.copy(Path.of("examples/recipients.csv"), inbox.resolve("fine.csv"));

        String shortened = InboxEntries.errorFileName(longName);
        assertThat(shortened).hasSizeLessThanOrEqualTo(255).endsWith(".error.txt").isNotEqualTo(longName + ".error.txt");
        await(() -> Files.exists(errors.resolve(shortened)));
        assertThat(errors.resolve(longName)).exists();
        assertThat(Files.readString(errors.resolve(shortened))).contains("inbox/" + longName)
                .contains("254 bytes long").contains("this reason is in " + shortened);
        assertThat(awaitErrorText("..evil.csv")).contains("inbox/..evil.csv").contains("starts with '.'");
        assertThat(errors.resolve("..evil.csv")).exists();
        // The rest of the inbox works as before: a plain file is sent and moved to .done/.
        await(() -> Files.exists(inbox.resolve(".done/fine.csv")));
        assertThat(app.sandbox().tenant().deliveries().count()).isEqualTo(8);
        assertThat(inbox.resolve(longName)).doesNotExist();
        synchronized (logs) {
            assertThat(logs).as("no read-lock failure").noneMatch(e -> e.getFormattedMessage().contains("Cannot acquire")
                    || e.getFormattedMessage().contains("cannot begin processing"));
        }
    }

    @Test
    void aScheduledCampaignWhoseRecipientsFileLeavesConfigCampaignsIsRefusedAtLoad() throws Exception {
        Files.writeString(outside.resolve("env.csv"), SECRET + "\n");
        Path campaigns = Files.createDirectories(work.resolve("campaigns"));
        Files.writeString(campaigns.resolve("up.yaml"), "cron: \"0 0 9 ? * MON\"\naudience:\n  file: ../outside/env.csv\n");
        Files.writeString(campaigns.resolve("absolute.yaml"), "cron: \"0 0 9 ? * MON\"\naudience:\n  file: "
                + outside.resolve("env.csv").toAbsolutePath() + "\n");
        Files.createSymbolicLink(campaigns.resolve("people.csv"), outside.resolve("env.csv"));
        Files.writeString(campaigns.resolve("linked.yaml"), "cron: \"0 0 9 ? * MON\"\naudience:\n  file: people.csv\n");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults(), """
                teams.schedules.enabled=true
                teams.campaigns.reload-ms=200
                """)) {
            CampaignSchedules schedules = fixture.app.context().getRegistry()
                    .lookupByNameAndType("schedules", CampaignSchedules.class);
            await(() -> schedules.problems().size() == 3);
            assertThat(schedules.problems().get("campaigns/up.yaml")).startsWith("campaigns/up.yaml: line 3:")
                    .contains("'..'");
            assertThat(schedules.problems().get("campaigns/absolute.yaml"))
                    .startsWith("campaigns/absolute.yaml: line 3:").contains("absolute path");
            assertThat(schedules.problems().get("campaigns/linked.yaml")).startsWith("campaigns/linked.yaml: line 3:")
                    .contains("outside the campaign file's folder");
            assertThat(schedules.campaign("up")).isEmpty();
        }
        assertSecretNowhere();
    }

    private void assertNothingSentAndSecretNowhere() throws Exception {
        assertThat(app.sandbox().tenant().deliveries().count()).isZero();
        assertSecretNowhere();
    }

    private void assertSecretNowhere() throws Exception {
        if (Files.isDirectory(errors)) {
            try (var files = Files.list(errors)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".error.txt")).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("outside-secret");
                }
            }
        }
        synchronized (logs) {
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains("outside-secret"));
        }
    }

    private String awaitErrorText(String name) throws Exception {
        Path text = errors.resolve(name + ".error.txt");
        await(() -> Files.exists(text) && Files.exists(errors.resolve(name), LinkOption.NOFOLLOW_LINKS));
        return Files.readString(text);
    }

    private List<String> rejectedLines() {
        return lines("Rejected ");
    }

    private List<String> lines(String start) {
        synchronized (logs) {
            return logs.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(start)).toList();
        }
    }

    private static void assertOwnerOnly(Path file) throws Exception {
        assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
