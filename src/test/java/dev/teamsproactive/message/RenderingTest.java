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
}
