package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.campaigns.CampaignSchedules;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign file of config/campaigns/ is checked when it is read, as its first firing would check it: a
 * misspelt template, a variable the template uses that nobody provides, a listed user that is no usable id are
 * each refused at once with the file, the line and the reason, and have no schedule; a sound file gets its one.
 */
class CampaignFileChecksTest {
    private static final String GROUP = ScheduledCampaignTest.ENGINEERING_GROUP;

    @TempDir
    Path work;
    private PipelineFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void templateVariablesAndListedUsersAreCheckedAtLoadNamingFileAndLine() throws Exception {
        Path campaigns = Files.createDirectories(work.resolve("campaigns"));
        write(campaigns, "typo.yaml", """
                name: typo
                cron: "0 0 9 ? * MON"
                template: digset
                audience:
                  group: %s
                """.formatted(GROUP));
        write(campaigns, "no-headline.yaml", """
                name: no-headline
                cron: "0 0 9 ? * MON"
                template: digest
                audience:
                  group: %s
                variables:
                  link: https://contoso.example/digest
                """.formatted(GROUP));
        write(campaigns, "bad-user.yaml", """
                name: bad-user
                cron: "0 0 9 ? * MON"
                variables:
                  name: colleague
                audience:
                  users: [ada@contoso.example, "../me/chats"]
                """);
        write(campaigns, "sound.yaml", """
                name: sound
                cron: "0 0 9 ? * MON"
                template: digest
                audience:
                  group: %s
                variables:
                  headline: Release 4.2
                  link: https://contoso.example/digest
                """.formatted(GROUP));
        fixture = PipelineFixture.start(work, SandboxOptions.defaults(), """
                teams.schedules.enabled=true
                teams.campaigns.reload-ms=200
                """);

        Map<String, String> problems = awaitProblems(3);

        assertThat(problems).containsOnlyKeys("campaigns/typo.yaml", "campaigns/no-headline.yaml", "campaigns/bad-user.yaml");
        assertThat(problems.get("campaigns/typo.yaml")).startsWith("campaigns/typo.yaml: line 3: ")
                .contains("no message template named 'digset'");
        assertThat(problems.get("campaigns/no-headline.yaml")).startsWith("campaigns/no-headline.yaml: line 3: ")
                .contains("${headline}").doesNotContain("${link}");
        assertThat(problems.get("campaigns/bad-user.yaml")).startsWith("campaigns/bad-user.yaml: line 5: ")
                .contains("../me/chats");
        assertThat(fixture.app.context().getRoute("schedule-sound")).as("the sound file's schedule").isNotNull();
        for (String broken : new String[] {"typo", "no-headline", "bad-user"}) {
            assertThat(fixture.app.context().getRoute("schedule-" + broken)).as("schedule of %s", broken).isNull();
        }
    }

    private Map<String, String> awaitProblems(int count) throws InterruptedException {
        CampaignSchedules schedules = fixture.app.context().getRegistry().lookupByNameAndType("schedules",
                CampaignSchedules.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (schedules.problems().size() < count || fixture.app.context().getRoute("schedule-sound") == null) {
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(50);
        }
        return schedules.problems();
    }

    private static void write(Path folder, String name, String text) throws java.io.IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
