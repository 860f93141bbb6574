package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipient's columns fill a card's links and a Markdown text, end to end through the real routes: an unsafe URL
 * fails that recipient (UnsafeUrl) before anything is looked up, installed or sent; a Markdown value adds no link.
 */
class UnsafeValuesTest {
    private static final String LINKS_CARD = """
            {"type":"AdaptiveCard","version":"1.5",
             "body":[{"type":"TextBlock","text":"Hello ${name}","wrap":true},
                     {"type":"Image","url":"${photo}","selectAction":{"type":"Action.OpenUrl","url":"${link}"}}],
             "actions":[{"type":"Action.OpenUrl","title":"Open","url":"${link}"}]}""";
    private static final String PHOTO = "https://contoso.example/p.png";
    @TempDir
    Path work;

    @Test
    void aColumnThatFillsALinkWithAnUnsafeUrlFailsOnlyThatRecipientAndNothingReachesThem() throws Exception {
        String csv = String.join("\n", "upn,name,link,photo",
                "ada@contoso.example,Ada,https://contoso.example/ada," + PHOTO,
                "grace@contoso.example,Grace,javascript:alert(document.cookie)," + PHOTO,
                "alan@contoso.example,Alan,\"data:text/html,<script>alert(1)</script>\"," + PHOTO,
                "katherine@contoso.example,Katherine,not a url," + PHOTO,
                "edsger@contoso.example,Edsger,mailto:desk@contoso.example," + PHOTO,
                "barbara@contoso.example,Barbara,https://contoso.example/b,http://tracker.example/pixel.gif",
                "");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            Files.writeString(work.resolve("config/messages/links.json"), LINKS_CARD, StandardCharsets.UTF_8);
            Exchange result = fixture.send(Files.writeString(work.resolve("links.csv"), csv, StandardCharsets.UTF_8), "links");
            assertThat(result.getException()).isNull();
            JsonNode summary = SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
            String campaignId = summary.get("campaignId").asText();

            Map<String, CSVRecord> rows = fixture.deliveriesCsv(campaignId).stream()
                    .collect(Collectors.toMap(r -> r.get("recipient"), r -> r));
            assertThat(rows.get("ada@contoso.example").get("status")).isEqualTo("SENT");
            assertThat(rows.get("edsger@contoso.example").get("status")).isEqualTo("SENT");
            for (String unsafe : List.of("grace", "alan", "katherine", "barbara")) {
                CSVRecord row = rows.get(unsafe + "@contoso.example");
                assertThat(row.get("status")).as(unsafe).isEqualTo("FAILED");
                assertThat(row.get("code")).as(unsafe).isEqualTo("UnsafeUrl");
                assertThat(row.get("attempts")).as(unsafe).isEqualTo("0");
            }
            assertThat(rows.get("grace@contoso.example").get("detail"))
                    .isEqualTo("the card's link at /body/1/selectAction/url (\"javascript:alert(document.cookie)\") is a"
                            + " javascript: URL; a link may be https:, mailto: or tel:");
            assertThat(rows.get("alan@contoso.example").get("detail")).contains("is a data: URL");
            assertThat(rows.get("katherine@contoso.example").get("detail")).contains("(\"not a url\") contains a space");
            assertThat(rows.get("barbara@contoso.example").get("detail"))
                    .startsWith("the card's image or media URL at /body/1/url").contains("is a http: URL");
            assertThat(summary.get("byCode").get("UnsafeUrl").asInt()).isEqualTo(4);

            // Only the two safe messages reached the Bot Connector, and nobody else was even looked up.
            List<String> sentTexts = new ArrayList<>();
            fixture.sandboxDeliveries().forEach(d -> sentTexts.add(d.toString()));
            assertThat(sentTexts).hasSize(2).noneMatch(t -> t.contains("javascript:") || t.contains("data:text")
                    || t.contains("not a url") || t.contains("tracker.example"));
            assertThat(fixture.sandboxRequests().findValues("path")).map(JsonNode::asText)
                    .noneMatch(p -> p.contains("grace") || p.contains("alan") || p.contains("katherine") || p.contains("barbara"));
        }
    }

    @Test
    void aMarkdownValueArrivesAsLiteralTextWithoutItsLinkOrImage() throws Exception {
        String csv = "upn,name\nada@contoso.example,\"[Reset your password](https://evil.example) ![](https://evil.example/t.png)"
                + " <img src=https://evil.example/x>\"\n";
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults())) {
            Exchange result = fixture.send(Files.writeString(work.resolve("notice.csv"), csv, StandardCharsets.UTF_8), "notice");
            assertThat(result.getException()).isNull();

            JsonNode deliveries = fixture.sandboxDeliveries();
            assertThat(deliveries).hasSize(1);
            String text = deliveries.get(0).get("text").asText();
            assertThat(text).startsWith("**Service notice for \\[Reset your password\\]\\(https://evil.example\\)"
                    + " \\!\\[\\]\\(https://evil.example/t.png\\) &lt;img src=https://evil.example/x&gt;**");
            assertThat(text).doesNotContain("](").doesNotContain("<img");
        }
    }
}
