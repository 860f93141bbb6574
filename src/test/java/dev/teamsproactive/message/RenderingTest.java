package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageTemplates SHIPPED = new MessageTemplates(Path.of("config/messages"));

    @Test
    void aCardActivityCarriesTheCardASummaryAndAToast() throws Exception {
        RenderedMessage message = SHIPPED.load("default").render(Map.of("name", "Ada"));

        JsonNode activity = JSON.readTree(message.activity());

        assertThat(activity.path("type").asText()).isEqualTo("message");
        assertThat(activity.path("summary").asText()).isEqualTo("Welcome to Contoso Announcements, Ada!");
        assertThat(activity.has("text")).isFalse();
        assertThat(activity.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(activity.at("/attachments/0/content")).isEqualTo(message.card());
        assertThat(activity.at("/attachments/0/content/body/0/text").asText()).isEqualTo("Welcome to Contoso Announcements, Ada!");
        assertThat(activity.at("/channelData/notification/alert").asBoolean()).isTrue();
        assertThat(message.text()).isNull();
    }

    @Test
    void valuesKeepUnicodeAndAreEscapedByJsonNotSpliced() throws Exception {
        String name = "Zoë \"Z\" Ångström \\ O'Brien\n😀 </script>";
        RenderedMessage message = SHIPPED.load("default").render(Map.of("name", name));

        String activity = message.activity();

        assertThat(activity).contains("Zoë").contains("Ångström").contains("😀")
                .contains("\\\"Z\\\"").contains(" \\\\ ").contains("O'Brien\\n");
        assertThat(JSON.readTree(activity).at("/attachments/0/content/body/0/text").asText())
                .isEqualTo("Welcome to Contoso Announcements, " + name + "!");
        assertThat(JSON.readTree(activity).at("/attachments/0/content/body").size()).isEqualTo(3);
    }

    @Test
    void aValueIsInsertedOnceAndNeverReadAsAPlaceholder() {
        RenderedMessage message = SHIPPED.load("notice").render(Map.of("name", "${name} and ${secret}"));

        assertThat(message.text()).startsWith("**Service notice for ${name} and ${secret}**");
    }

    @Test
    void aTextActivityCarriesTheMarkdownAndItsFirstLineAsToast() throws Exception {
        RenderedMessage message = SHIPPED.load("notice").render(Map.of("name", "Marie"));

        JsonNode activity = JSON.readTree(message.activity());

        assertThat(activity.path("text").asText()).startsWith("**Service notice for Marie**\n\nThe expense portal");
        assertThat(activity.path("summary").asText()).isEqualTo("Service notice for Marie");
        assertThat(activity.has("attachments")).isFalse();
        assertThat(activity.at("/channelData/notification/alert").asBoolean()).isTrue();
        assertThat(message.card()).isNull();
    }

    @Test
    void aMissingVariableRendersEmpty() {
        assertThat(SHIPPED.load("default").render(Map.of()).summary()).isEqualTo("Welcome to Contoso Announcements, !");
    }

    @Test
    void theToastIsAtMostAHundredCharactersOnOneLine() {
        RenderedMessage message = SHIPPED.load("default").render(Map.of("name", "Ada\nLovelace " + "x".repeat(200)));

        assertThat(message.summary()).hasSize(100).startsWith("Welcome to Contoso Announcements, Ada Lovelace xx").endsWith("…");
    }

    @Test
    void placeholdersAreListedOnceInOrder() {
        assertThat(SHIPPED.load("default").placeholders()).containsExactly("name");
        MessageTemplate template = new TextTemplate("t", "t.md", "${ b } ${a} ${b}\n${c.d}");
        assertThat(template.placeholders()).containsExactly("b", "a", "c.d");
    }

    @Test
    void sizeIsCountedInUtf16() {
        RenderedMessage message = new TextTemplate("t", "t.md", "${x}").render(Map.of("x", "😀".repeat(10_000)));

        assertThat(message.utf16Bytes()).isEqualTo(message.activity().length() * 2).isGreaterThan(40_000);
        assertThat(message.tooLarge()).isFalse();
        assertThat(new TextTemplate("t", "t.md", "${x}").render(Map.of("x", "😀".repeat(25_000))).tooLarge()).isTrue();
    }

    @Test
    void aValueInAMarkdownTemplateCannotAddALinkAnImageHtmlOrFormatting() {
        String hostile = "[click](https://evil.example) ![x](https://evil.example/p.png) <a href=\"https://evil.example\">a</a>"
                + " <img src=x> **bold** _it_ `code` &lt;b&gt;\n# Heading\n- item\n1. first\n> quote";
        RenderedMessage message = SHIPPED.load("notice").render(Map.of("name", hostile));

        String firstLine = message.text().substring(0, message.text().indexOf("\n\nThe expense portal"));
        assertThat(firstLine)
                .startsWith("**Service notice for \\[click\\]\\(https://evil.example\\) \\!\\[x\\]")
                .contains("&lt;a href=\"https://evil.example\"&gt;a&lt;/a&gt; &lt;img src=x&gt;")
                .contains("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` &amp;lt;b&amp;gt;")
                .contains("\n\\# Heading\n\\- item\n1\\. first\n&gt; quote**")
                // No unescaped link, image, tag or emphasis of the value's own survives.
                .doesNotContain("](").doesNotContain("<a").doesNotContain("<img").doesNotContain(" **bold");
        // The template's own Markdown stays, and the toast shows the value as written.
        assertThat(message.text()).startsWith("**Service notice for ").contains("**\n\nThe expense portal");
        assertThat(message.summary()).startsWith("Service notice for [click](https://evil.example) ![x]");
    }

    @Test
    void plainNamesAndAddressesReadTheSameInMarkdown() {
        assertThat(SHIPPED.load("notice").render(Map.of("name", "Zoë O'Brien-Smith, ada@contoso.example")).text())
                .startsWith("**Service notice for Zoë O'Brien-Smith, ada@contoso.example**");
    }

    @Test
    void aLinkOrImageFilledFromAColumnMustBeASafeUrl() throws Exception {
        MessageTemplate card = new CardTemplate("links", "links.json", JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[
                  {"type":"Image","url":"${image}","selectAction":{"type":"Action.OpenUrl","url":"${link}"}}],
                 "actions":[{"type":"Action.OpenUrl","title":"Open","url":"${link}"}]}"""));
        java.util.function.BiFunction<String, String, String> check = (link, image) ->
                card.unsafeUrl(Map.of("link", link, "image", image));
        String image = "https://contoso.example/a.png";

        assertThat(check.apply("https://contoso.example/x?u=1", image)).isNull();
        assertThat(check.apply("https://teams.microsoft.com/l/chat/0/0?users=ada@contoso.example", image)).isNull();
        assertThat(check.apply("mailto:desk@contoso.example", image)).isNull();
        assertThat(check.apply("tel:+4930123456", image)).isNull();
        assertThat(check.apply("https://contoso.example/x", "data:image/png;base64,iVBORw0KGgo=")).isNull();

        assertThat(check.apply("javascript:alert(1)", image)).isEqualTo("the card's link at /body/0/selectAction/url"
                + " (\"javascript:alert(1)\") is a javascript: URL; a link may be https:, mailto: or tel:");
        assertThat(check.apply("JavaScript:alert(1)", image)).contains("is a javascript: URL");
        assertThat(check.apply("data:text/html,<script>alert(1)</script>", image)).contains("is a data: URL;");
        assertThat(check.apply("not a url", image)).contains("contains a space");
        assertThat(check.apply("contoso.example/x", image)).contains("is not an absolute URL");
        assertThat(check.apply("http://contoso.example/x", image)).contains("is a http: URL");
        assertThat(check.apply("https://contoso.example@evil.example/", image)).contains("has a user name before the host");
        assertThat(check.apply("https:///nohost", image)).contains("has no valid host name");
        assertThat(check.apply("https://contoso.example/\u202Efdp.exe", image)).contains("invisible character")
                .contains("\\u202e");
        assertThat(check.apply("", image)).contains("is empty");
        assertThat(check.apply("mailto:", image)).isNotNull();
        assertThat(check.apply("https://contoso.example/x", "data:text/html,hi"))
                .startsWith("the card's image or media URL at /body/0/url").contains("not a PNG, JPEG or GIF image");
        assertThat(check.apply("https://contoso.example/x", "mailto:desk@contoso.example"))
                .contains("an image or media may be https:");
    }

    @Test
    void anActionsDataPayloadIsNotAUrlField() throws Exception {
        MessageTemplate card = new CardTemplate("data", "data.json", JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}],
                 "actions":[{"type":"Action.Submit","title":"Ack","data":{"url":"${ref}"}}]}"""));

        assertThat(card.unsafeUrl(Map.of("ref", "ticket 42"))).isNull();
    }

    @Test
    void aMarkdownTemplateHasNoUrlFieldsToCheck() {
        assertThat(SHIPPED.load("notice").unsafeUrl(Map.of("name", "javascript:alert(1)"))).isNull();
    }
}
