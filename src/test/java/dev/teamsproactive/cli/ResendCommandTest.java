package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.CampaignIds;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * README "Guarantees": {@code resend CAMPAIGN_ID} sends only the chosen FAILED / IN_DOUBT rows once more, through
 * the same routes, as a new attempt in the same report; IN_DOUBT rows only when asked.
 */
class ResendCommandTest {
    private static final String IRENE = "f61dbf76-3f27-566c-88b0-d02802a209bf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private Sandbox sandbox;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        config = PipelineFixture.configIn(work);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void resendsOnlyTheChosenRowsAsANewAttemptInTheSameReport() throws Exception {
        Path file = Files.writeString(work.resolve("resend.csv"), """
                id,name
                ada@contoso.example,Ada
                bob.blocker@contoso.example,Bob
                pat.policy@contoso.example,Pat
                grace@contoso.example,Grace
                irene@contoso.example,Irene
                """);
        String campaignId = CampaignIds.forFile(file);
        // A run that died while posting Irene's message (line 6): her row is left SENDING, its lease lapsed.
        try (Ledger ledger = Ledger.open(ledgerUrl(), "sa", "")) {
            ledger.registerCampaign(campaignId, "resend.csv", "default", 5);
            ledger.takeLease(campaignId, "elsewhere/1/1/dead", Instant.now().minusSeconds(1), owner -> false);
            ledger.claimRow(campaignId, 6, "irene@contoso.example");
            assertThat(ledger.markSending(campaignId, 6, "elsewhere/1/1/dead", 1)).isTrue();
        }

        JsonNode first = summary(run("send", file.toString()));
        assertThat(first.get("sent").asInt()).isEqualTo(2);
        assertThat(first.get("failed").asInt()).isEqualTo(2);
        assertThat(first.get("inDoubt").asInt()).as("Irene, not sent again by default").isEqualTo(1);
        assertThat(deliveredTo(IRENE)).isZero();
        int deliveries = deliveries().size();

        List<String> blocked = run("resend", campaignId, "--code", "ConversationBlockedByUser", "--file", file.toString());
        assertThat(blocked).contains("Sent again: 1 recipients");
        Map<String, CSVRecord> rows = rows(campaignId);
        assertThat(rows.get("bob.blocker@contoso.example").get("attempts")).isEqualTo("2");
        assertThat(rows.get("bob.blocker@contoso.example").get("status")).isEqualTo("FAILED");
        assertThat(rows.get("pat.policy@contoso.example").get("attempts")).as("another code").isEqualTo("0");
        assertThat(rows.get("irene@contoso.example").get("status")).isEqualTo("IN_DOUBT");
        assertThat(deliveries().size()).isEqualTo(deliveries);

        JsonNode last = summary(run("resend", campaignId, "--status", "IN_DOUBT", "--file", file.toString()));
        assertThat(last.get("sent").asInt()).isEqualTo(3);
        assertThat(last.get("inDoubt").asInt()).isZero();
        assertThat(last.get("failed").asInt()).isEqualTo(2);
        rows = rows(campaignId);
        assertThat(rows.get("irene@contoso.example").get("status")).isEqualTo("SENT");
        assertThat(rows.get("irene@contoso.example").get("attempts")).isEqualTo("2");
        assertThat(rows.get("ada@contoso.example").get("attempts")).as("a SENT row is never sent again").isEqualTo("1");
        assertThat(deliveredTo(IRENE)).isEqualTo(1);
        assertThat(deliveries().size()).isEqualTo(deliveries + 1);
    }

    @Test
    void anUnknownCampaignOrAnotherFileExitsTwoSayingSo() throws Exception {
        Path file = Files.writeString(work.resolve("one.csv"), "id,name\nada@contoso.example,Ada\n");
        Path other = Files.writeString(work.resolve("other.csv"), "id,name\ngrace@contoso.example,Grace\n");
        String campaignId = CampaignIds.forFile(file);
        run("send", file.toString());

        assertThat(exitCode("resend", "no-such-campaign-0123456789ab")).isEqualTo(2);
        assertThat(exitCode("resend", campaignId, "--file", other.toString())).isEqualTo(2);
        assertThat(exitCode("resend", campaignId, "--status", "SENT", "--file", file.toString())).isEqualTo(2);
        assertThat(exitCode("resend", campaignId, "--file", file.toString())).isZero();
    }

    /** Runs the command in this JVM; returns its standard output's lines (it must exit 0). */
    private List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute(withTarget(args));
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as("exit code of %s", List.of(args)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private int exitCode(String... args) {
        return new CommandLine(new Main()).execute(withTarget(args));
    }

    private String[] withTarget(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--sandbox-url", sandbox.url(), "--config", config.toString(),
                "--routes", Path.of("routes").toAbsolutePath().toString())).toArray(String[]::new);
    }

    private static JsonNode summary(List<String> out) throws Exception {
        return JSON.readTree(out.get(out.size() - 1));
    }

    private Map<String, CSVRecord> rows(String campaignId) throws Exception {
        Map<String, CSVRecord> byRecipient = new HashMap<>();
        try (Reader in = Files.newBufferedReader(work.resolve("reports").resolve(campaignId).resolve("deliveries.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                byRecipient.put(r.get("recipient"), r);
            }
        }
        return byRecipient;
    }

    private List<JsonNode> deliveries() {
        List<JsonNode> all = new ArrayList<>();
        new SandboxTestClient(sandbox).get("/_sandbox/deliveries", null).json().forEach(all::add);
        return all;
    }

    private long deliveredTo(String userId) {
        return deliveries().stream().filter(d -> userId.equals(d.get("userId").asText())).count();
    }

    private String ledgerUrl() {
        return "jdbc:h2:file:" + work.resolve("ledger").resolve("ledger");
    }
}
