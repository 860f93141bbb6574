package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignIdsTest {
    private static final String CSV = "userPrincipalName,firstName\nada@contoso.example,Ada\n";

    @Test
    void theSameContentGivesTheSameIdAndOtherContentAnother() throws Exception {
        String first = CampaignIds.forFile("q3-update.csv", stream(CSV));
        String again = CampaignIds.forFile("q3-update.csv", stream(CSV));
        String changed = CampaignIds.forFile("q3-update.csv", stream(CSV + "bob@contoso.example,Bob\n"));

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void anotherTemplateQualifiesTheFilesIdWithinTheLengthLimit() throws Exception {
        String fileId = CampaignIds.forFile("q3-update.csv", stream(CSV));

        assertThat(CampaignIds.withTemplate(fileId, "notice")).isEqualTo(fileId + ".notice");
        assertThat(CampaignIds.withTemplate(fileId, "notice")).isEqualTo(CampaignIds.withTemplate(fileId, "notice"));
        assertThat(CampaignIds.withTemplate(fileId, "Notice")).isNotEqualTo(CampaignIds.withTemplate(fileId, "notice"));
        String longest = CampaignIds.withTemplate(CampaignIds.forFile("x".repeat(200) + ".csv", stream(CSV)),
                "a-very-long-template-name") + "-dry-run";
        assertThat(longest).hasSizeLessThanOrEqualTo(CampaignIds.MAX_LENGTH);
        assertThat(CampaignIds.isSafe(longest)).isTrue();
    }

    @Test
    void aFileIdIsItsNameSlugAndTheFirstTwelveHexOfTheContentsSha256() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CSV.getBytes(StandardCharsets.UTF_8)));

        assertThat(CampaignIds.forFile("Q3 Update.csv", stream(CSV)))
                .isEqualTo("q3-update-" + sha256.substring(0, 12));
    }

    @Test
    void aFileOnDiskIsReadAsAStream(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("welcome.csv"), CSV);

        assertThat(CampaignIds.forFile(file)).isEqualTo(CampaignIds.forFile("welcome.csv", stream(CSV)));
    }

    @Test
    void idsAreSafeFolderNamesWhateverTheFileIsCalled() throws Exception {
        assertThat(CampaignIds.forFile("Überraschung für Zoë!!.csv", stream(CSV))).startsWith("uberraschung-fur-zoe-");
        assertThat(CampaignIds.forFile("inbox/welcome/../../etc/passwd", stream(CSV))).startsWith("passwd-");
        assertThat(CampaignIds.forFile("C:\\drops\\Team List.CSV", stream(CSV))).startsWith("team-list-");
        assertThat(CampaignIds.forFile("日本語.csv", stream(CSV))).startsWith("file-");
        assertThat(CampaignIds.forFile("..csv", stream(CSV))).startsWith("file-");
        assertThat(CampaignIds.forFile(null, stream(CSV))).startsWith("file-");
        String longName = CampaignIds.forFile("a".repeat(500) + ".csv", stream(CSV));
        assertThat(longName.length()).isLessThanOrEqualTo(CampaignIds.MAX_LENGTH);

        for (String name : new String[] {"Überraschung für Zoë!!.csv", "../../x", " .hidden", "-dash-.csv",
                "a b\tc\nd.csv", "con.csv", "x".repeat(300)}) {
            String id = CampaignIds.forFile(name, stream(CSV));
            assertThat(id).matches("[a-z0-9][a-z0-9._-]*").hasSizeLessThanOrEqualTo(CampaignIds.MAX_LENGTH);
            assertThat(CampaignIds.isSafe(id)).isTrue();
        }
    }

    @Test
    void aScheduleIdIsItsNameAndFireTime() {
        Instant fire = Instant.parse("2025-03-04T09:00:00Z");

        assertThat(CampaignIds.forSchedule("Weekly Digest", fire)).isEqualTo("weekly-digest-20250304t090000z");
        assertThat(CampaignIds.forSchedule("Weekly Digest", fire)).isEqualTo(CampaignIds.forSchedule("Weekly Digest",
                Instant.parse("2025-03-04T09:00:00.250Z")));
        assertThat(CampaignIds.forSchedule("Weekly Digest", fire.plusSeconds(7 * 24 * 3600)))
                .isEqualTo("weekly-digest-20250311t090000z");
        assertThat(CampaignIds.isSafe(CampaignIds.forSchedule("**", fire))).isTrue();
    }

    @Test
    void onlyLowerCaseLettersDigitsDotsDashesAndUnderscoresAreSafe() {
        assertThat(CampaignIds.isSafe("q3-update_v2.1-0123456789ab")).isTrue();
        assertThat(CampaignIds.isSafe("..")).isFalse();
        assertThat(CampaignIds.isSafe("../x")).isFalse();
        assertThat(CampaignIds.isSafe("a/b")).isFalse();
        assertThat(CampaignIds.isSafe("Q3")).isFalse();
        assertThat(CampaignIds.isSafe("")).isFalse();
        assertThat(CampaignIds.isSafe(null)).isFalse();
        assertThat(CampaignIds.isSafe("a".repeat(CampaignIds.MAX_LENGTH + 1))).isFalse();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
