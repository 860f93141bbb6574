package dev.teamsproactive.cli;

import static dev.teamsproactive.cli.DropFolderService.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.ledger.CampaignIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md: the service's jar is killed with SIGKILL three times in the middle of a drop-folder
 * campaign and started again each time. The campaign resumes from the ledger and ends with one final row per
 * recipient; nobody gets two messages; everyone not IN_DOUBT got exactly one; IN_DOUBT is counted in the summary.
 */
class CrashRecoveryIT {
    private static final int USERS = 200;
    private static final int[] KILL_AT_DELIVERIES = {20, 80, 140};

    @TempDir
    Path work;

    @Test
    void killedThreeTimesMidCampaignItResumesAndNobodyGetsTwoMessages() throws Exception {
        try (DropFolderService service = new DropFolderService(work, USERS, 60)) {
            service.startService();
            Path dropped = service.dropRecipients("crash.csv", USERS);
            String campaignId = CampaignIds.forFile(dropped);

            for (int killAt : KILL_AT_DELIVERIES) {
                await(killAt + " deliveries", Duration.ofSeconds(90), () -> deliveries(service) >= killAt);
                service.killService();
                assertThat(dropped).as("the file stays in the inbox").exists();
                service.startService();
            }
            await("the campaign's file in inbox/.done/", Duration.ofSeconds(120),
                    () -> Files.exists(work.resolve("inbox/.done/crash.csv")));

            Map<String, Integer> delivered = service.deliveriesByUser();
            assertThat(delivered.values()).as("messages per user").allMatch(n -> n == 1);
            List<CSVRecord> rows = service.deliveriesCsv(campaignId);
            assertThat(rows).hasSize(USERS);
            assertThat(rows).extracting(r -> r.get("status")).as("every row final").allMatch(s -> s.equals("SENT")
                    || s.equals("IN_DOUBT"));
            long inDoubt = 0;
            for (CSVRecord row : rows) {
                Integer got = delivered.get(row.get("userId"));
                if (row.get("status").equals("SENT")) {
                    assertThat(got).as("messages to %s, SENT", row.get("recipient")).isEqualTo(1);
                } else {
                    inDoubt++;
                    assertThat(row.get("code")).isEqualTo("SendInterrupted");
                }
            }
            JsonNode summary = service.summary(campaignId);
            assertThat(summary.get("total").asInt()).isEqualTo(USERS);
            assertThat(summary.get("inDoubt").asLong()).isEqualTo(inDoubt);
            assertThat(summary.get("sent").asLong()).isEqualTo(USERS - inDoubt);
            assertThat(Files.exists(work.resolve("inbox/.error/crash.csv"))).isFalse();
            System.out.println("CrashRecoveryIT: " + USERS + " recipients, 3 kills, inDoubt=" + inDoubt
                    + ", delivered=" + delivered.size());
        }
    }

    private static int deliveries(DropFolderService service) {
        try {
            return service.deliveryCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
