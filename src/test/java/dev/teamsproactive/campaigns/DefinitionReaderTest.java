package dev.teamsproactive.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teamsproactive.input.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Campaign files: every key read, every mistake named with its line. */
class DefinitionReaderTest {
    @TempDir
    Path dir;

    @Test
    void aFullCampaignFileIsRead() throws Exception {
        Files.writeString(dir.resolve("people.csv"), "upn\nada@contoso.example\n");
        CampaignDefinition c = read("""
                name: monthly reminder
                cron: "0 30 8 1 * ?"
                timeZone: Europe/Berlin
                template: notice
                audience:
                  file: people.csv
                variables:
                  month: March
                start: 2026-03-01
                end: 2026-12-31T18:00
                enabled: false
                dryRun: true
                """, true);

        assertThat(c.name()).isEqualTo("monthly reminder");
        assertThat(c.cron()).isEqualTo("0 30 8 1 * ?");
        assertThat(c.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(c.template()).isEqualTo("notice");
        assertThat(c.audience().kind()).isEqualTo(Audience.Kind.FILE);
        assertThat(c.audience().file()).isEqualTo(dir.resolve("people.csv").toAbsolutePath());
        assertThat(c.variables()).containsEntry("month", "March");
        assertThat(c.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(c.end()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
        assertThat(c.enabled()).isFalse();
        assertThat(c.dryRun()).isTrue();
    }

    @Test
    void aReminderIsReadWithItsDelayAndTemplate() throws Exception {
        CampaignDefinition c = read("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\n"
                + "reminder: {after: P2D, template: poll}\n", true);
        assertThat(c.reminder()).isEqualTo(new CampaignReminder(java.time.Duration.ofDays(2), "poll"));
        assertThat(read("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder: {after: PT2S}\n", true)
                .reminder()).isEqualTo(new CampaignReminder(java.time.Duration.ofSeconds(2), null));
        assertThat(read("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\n", true).reminder()).isNull();
        // A one-off campaign (no cron) is reminded with the remind command, not by its file.
        assertThatThrownBy(() -> read("audience: {allUsers: true}\nreminder: {after: P2D}\n", false))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("has no cron");
                });
    }

    @Test
    void everyAudienceKindIsRead() throws Exception {
        String group = "030eb94f-70e4-5632-925b-849673335bab";
        assertThat(audience("{users: [ada@contoso.example, grace@contoso.example]}").users()).hasSize(2);
        assertThat(audience("{group: " + group + "}")).extracting(Audience::kind, Audience::id)
                .containsExactly(Audience.Kind.GROUP, group);
        assertThat(audience("{team: " + group + "}").kind()).isEqualTo(Audience.Kind.TEAM);
        assertThat(audience("{channel: {team: " + group + "}}")).extracting(Audience::kind, Audience::channel)
                .containsExactly(Audience.Kind.CHANNEL, null);
        assertThat(audience("{channel: {team: " + group + ", name: Releases}}").channel()).isEqualTo("Releases");
        assertThat(audience("{allUsers: true}").filter()).isEqualTo("accountEnabled eq true and userType eq 'Member'");
        assertThat(audience("{allUsers: {filter: \"department eq 'Sales'\"}}").filter()).isEqualTo("department eq 'Sales'");
    }

    @Test
    void aDroppedJsonCampaignIsReadWithoutASchedule() throws Exception {
        Path file = Files.writeString(dir.resolve("welcome.json"), """
                {"template": "default", "audience": {"group": "030eb94f-70e4-5632-925b-849673335bab"}}""");
        CampaignDefinition c = DefinitionReader.read(file, "welcome.json", false);
        assertThat(c.name()).isEqualTo("welcome");
        assertThat(c.cron()).isNull();
        assertThat(CampaignFiles.namesAnAudience(file)).isTrue();
        assertThat(CampaignFiles.namesAnAudience(Files.writeString(dir.resolve("r.json"),
                "{\"recipients\": [{\"upn\": \"ada@contoso.example\"}], \"audience\": 1}"))).isFalse();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("name: a\naudience: {allUsers: true}\n", 1, "no cron"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\ncrom: x\naudience: {allUsers: true}\n", 2, "unknown key 'crom'"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience:\n  group: engineering\n", 3, "not 'engineering'"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience:\n  group: 030eb94f-70e4-5632-925b-849673335bab\n"
                        + "  allUsers: true\n", 3, "exactly one of"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\ntimeZone: Mars/Olympus\naudience: {allUsers: true}\n", 2, "unknown time zone"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\ndryRun: yes please\naudience: {allUsers: true}\n", 2, "true or false"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\nstart: next week\naudience: {allUsers: true}\n", 2, "is a date"),
                // YAML mistakes are named on the line that holds them, not the line where the parser noticed.
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true\n", 2, "not valid YAML"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\ntemplate: digest\naudience\n  group: x\n", 3, "not valid YAML"),
                Arguments.of("cron: \"0 0 9 ? * MON\ntemplate: digest\naudience: {allUsers: true}\n", 1, "not valid YAML"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience:\n  allUsers: true\n users: [a]\n", 4, "not valid YAML"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\n", 1, "no audience"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience:\n  allUsers:\n    filter: \"a eq 1&$top=1\"\n", 4, "& or #"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {file: missing.csv}\n", 2, "no recipients file"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder:\n  after: 2 days\n", 4,
                        "reminder after: '2 days' is not an ISO-8601 duration such as P2D"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder: {after: -PT1H}\n", 3,
                        "must be longer than nothing"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder: {template: poll}\n", 3,
                        "reminder: needs after"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder:\n  after: P2D\n  tempalte: poll\n",
                        5, "unknown key 'tempalte' in reminder"),
                Arguments.of("cron: \"0 0 9 ? * MON\"\naudience: {allUsers: true}\nreminder: P2D\n", 3,
                        "reminder must be a map of keys (after, template)"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistakeIsNamedWithItsLine(String yaml, int line, String reason) {
        assertThatThrownBy(() -> read(yaml, true))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("campaigns/c.yaml");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void aRecipientsFileOutsideTheCampaignFilesFolderIsRefusedBeforeItIsRead() throws Exception {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("env.csv"),
                "TEAMS_CLIENT_SECRET=x\n");
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.createSymbolicLink(campaigns.resolve("people.csv"), outside);
        Files.createDirectories(campaigns.resolve("lists"));
        Files.writeString(campaigns.resolve("lists/ok.csv"), "upn\nada@contoso.example\n");

        assertThat(refusal(campaigns, outside.toAbsolutePath().toString())).contains("absolute path");
        assertThat(refusal(campaigns, "../elsewhere/env.csv")).contains("'..'");
        assertThat(refusal(campaigns, "lists/../../elsewhere/env.csv")).contains("'..'");
        assertThat(refusal(campaigns, "people.csv")).contains("a link to a file outside the campaign file's folder");
        // A file in a folder below the campaign's own is fine.
        Path file = Files.writeString(campaigns.resolve("ok.yaml"), "cron: \"0 0 9 ? * MON\"\naudience: {file: lists/ok.csv}\n");
        assertThat(DefinitionReader.read(file, "campaigns/ok.yaml", true).audience().file())
                .isEqualTo(campaigns.resolve("lists/ok.csv").toAbsolutePath());
    }

    private static String refusal(Path campaigns, String named) throws Exception {
        Path file = Files.writeString(campaigns.resolve("c.yaml"),
                "cron: \"0 0 9 ? * MON\"\naudience:\n  file: \"" + named + "\"\n", StandardCharsets.UTF_8);
        RejectedInputException e = org.junit.jupiter.api.Assertions.assertThrows(RejectedInputException.class,
                () -> DefinitionReader.read(file, "campaigns/c.yaml", true));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("campaigns/c.yaml: line 3: ").doesNotContain("TEAMS_CLIENT_SECRET");
        return e.reason();
    }

    @Test
    void theExampleCampaignsOfTheRepositoryAreValid() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("config", "campaigns"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            CampaignDefinition c = DefinitionReader.read(example, example.toString(), true);
            assertThat(c.cron()).isNotNull();
        }
    }

    private CampaignDefinition read(String yaml, boolean schedule) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), yaml, StandardCharsets.UTF_8);
        return DefinitionReader.read(file, "campaigns/c.yaml", schedule);
    }

    private Audience audience(String yaml) throws Exception {
        return read("cron: \"0 0 9 ? * MON\"\naudience: " + yaml + "\n", true).audience();
    }
}
