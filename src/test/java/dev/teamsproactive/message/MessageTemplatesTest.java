package dev.teamsproactive.message;

import dev.teamsproactive.input.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageTemplatesTest {

    private static final MessageTemplates SHIPPED = new MessageTemplates(Path.of("config/messages"));

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesAreACardAndAText() {
        assertThat(SHIPPED.names()).contains("default", "notice");
        assertThat(SHIPPED.load("default").render(java.util.Map.of()).card()).isNotNull();
        assertThat(SHIPPED.load("notice").render(java.util.Map.of()).text()).isNotNull();
    }

    @Test
    void anUnknownNameListsTheTemplatesThatExist() {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> SHIPPED.load("welcome"));

        assertThat(e.reason()).startsWith("no message template named 'welcome' (welcome.json or welcome.md)")
                .contains("templates: ").contains("default").contains("notice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../sandbox/tenant", "..", "a/b", "a\\b", "", "x y", "notice.md/"})
    void aNameThatIsNotPlainIsRefused(String name) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> SHIPPED.load(name));

        assertThat(e.reason()).startsWith("a template name is made of letters, digits");
    }

    @Test
    void brokenJsonNamesTheFileLineAndReason() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"),
                "{\n  \"type\": \"AdaptiveCard\",\n  \"version\": \"1.5\"\n  \"body\": []\n}\n");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> new MessageTemplates(dir).load("broken"));

        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("invalid JSON: Unexpected character ('\"'");
    }

    @Test
    void aCardThatIsNotAnAdaptiveCard() throws IOException {
        Files.writeString(dir.resolve("hero.json"), "{\"contentType\":\"application/vnd.microsoft.card.hero\",\"title\":\"x\"}");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> new MessageTemplates(dir).load("hero"));

        assertThat(e.reason()).isEqualTo("not an Adaptive Card: $.type: must be \"AdaptiveCard\"; "
                + "$.version: must be a version such as \"1.5\"");
    }

    @Test
    void invalidUtf8InATextTemplateNamesItsLine() throws IOException {
        Files.write(dir.resolve("latin1.md"), new byte[] {'H', 'i', '\n', 'Z', 'o', (byte) 0xEB, '\n'});

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, () -> new MessageTemplates(dir).load("latin1"));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("UTF-8");
    }

    @Test
    void twoTemplatesOfTheSameNameAreAmbiguous() throws IOException {
        Files.writeString(dir.resolve("x.md"), "hello");
        Files.writeString(dir.resolve("x.json"), "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\"}");

        assertThat(catchThrowableOfType(RejectedInputException.class, () -> new MessageTemplates(dir).load("x")).reason())
                .contains("both x.json and x.md exist");
    }
}
