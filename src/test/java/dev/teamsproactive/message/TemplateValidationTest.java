package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.input.RejectedInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Templates are checked against the recipients file's columns and the official Adaptive Card 1.5 schema. */
class TemplateValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageTemplates SHIPPED = new MessageTemplates(Path.of("config/messages"));
    private static CardSchema official;

    @BeforeAll
    static void loadTheOfficialSchema() {
        official = CardSchema.load(Path.of(System.getProperty("shared.reference.dir"), "adaptive-card-1.5.schema.json"));
    }

    private static CardTemplate card(String json) throws Exception {
        return new CardTemplate("test", "test.json", JSON.readTree(json));
    }

    @Test
    void theDefaultCardIsAValidAdaptiveCard15() {
        MessageTemplate template = SHIPPED.load("default");

        assertThat(official.isOfficial()).isTrue();
        assertThat(official.problems(template.render(Map.of("name", "Ada")).card())).isEmpty();
        assertThatCode(() -> template.validate(List.of("id", "mail", "name"), official)).doesNotThrowAnyException();
    }

    @Test
    void theAppChecksWithTheOfficialSchemaThatTheBuildPackaged() {
        assertThat(CardSchema.bundled().isOfficial()).isTrue();
        assertThatCode(() -> SHIPPED.load("default").validate(List.of("name"))).doesNotThrowAnyException();
    }

    @Test
    void placeholdersNamingMissingColumnsAreAllNamed() throws Exception {
        CardTemplate template = card("""
                {"type":"AdaptiveCard","version":"1.5","body":[
                  {"type":"TextBlock","text":"Hi ${name}, team ${team}","wrap":true},
                  {"type":"TextBlock","text":"${manager} ${name}"}]}""");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> template.validate(List.of("upn", "name"), official));

        assertThat(e.file()).isEqualTo("test.json");
        assertThat(e.reason()).isEqualTo("the template uses ${team}, ${manager} but the recipients file has no such column (it has upn, name)");
    }

    @Test
    void aCardTheSchemaRefusesIsRejectedWithTheFindingsForItsOwnElementType() throws Exception {
        CardTemplate template = card("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","txt":"Hi ${name}"}]}""");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> template.validate(List.of("name"), official));

        assertThat(e.reason()).startsWith("the rendered card is not a valid Adaptive Card 1.5: ")
                .contains("$.body[0]: property 'txt' is not defined").contains("$.body[0]: required property 'text' not found")
                .doesNotContain("'items'").doesNotContain("enumeration");
    }

    @Test
    void unknownAndMisplacedTypesAreNamedOnce() throws Exception {
        assertThat(official.problems(JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"a"},{"type":"Banner","text":"b"}]}""")))
                .containsExactly("$.body[1].type: unknown type \"Banner\"");
        assertThat(official.problems(JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Action.OpenUrl","url":"https://x.example"}]}""")))
                .containsExactly("$.body[0]: a \"Action.OpenUrl\" is not allowed here");
    }

    @Test
    void teamsOwnRootExtensionIsAllowed() throws Exception {
        assertThat(official.problems(JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Full"},"body":[{"type":"TextBlock","text":"a"}]}""")))
                .isEmpty();
    }

    @Test
    void aPlaceholderInAFieldWithFixedValuesIsCaught() throws Exception {
        CardTemplate template = card("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"${size}"}]}""");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> template.validate(List.of("size"), official));

        assertThat(e.reason()).isEqualTo("the rendered card is not a valid Adaptive Card 1.5: $.body[0].size: "
                + "does not have a value in the enumeration [\"default\", \"small\", \"medium\", \"large\", \"extraLarge\"]");
    }

    @Test
    void aCardNewerThanTeamsRendersIsRejected() throws Exception {
        CardTemplate template = card("{\"type\":\"AdaptiveCard\",\"version\":\"1.6\",\"body\":[]}");

        assertThat(catchThrowableOfType(RejectedInputException.class, () -> template.validate(List.of(), official)).reason())
                .contains("Teams renders Adaptive Cards up to 1.5, not 1.6");
    }

    @Test
    void theStructuralCheckAloneStillCatchesWhatEveryCardNeeds() throws Exception {
        CardSchema structural = CardSchema.structural();

        assertThat(structural.isOfficial()).isFalse();
        assertThat(structural.problems(JSON.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"text\":\"x\"}]}")))
                .containsExactly("$.body[0]: an element is an object with a \"type\"");
        assertThat(structural.problems(SHIPPED.load("default").render(Map.of()).card())).isEmpty();
    }

    @Test
    void aMessageOverEightyKilobytesIsRejected() throws Exception {
        String longText = "Lorem ipsum ".repeat(4000);
        CardTemplate template = card("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\""
                + longText + "${name}\"}]}");

        RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                () -> template.validate(List.of("name"), official));

        assertThat(e.reason()).startsWith("the rendered message is 94 KB as Teams counts it (UTF-16)")
                .endsWith("keep it under 80 KB");
    }

    @Test
    void aTextTemplateIsCheckedForColumnsAndSize() {
        MessageTemplate notice = SHIPPED.load("notice");

        assertThatCode(() -> notice.validate(List.of("upn", "name"), official)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RejectedInputException.class, () -> notice.validate(List.of("upn"), official)).reason())
                .startsWith("the template uses ${name}");
    }

    @Test
    void aUrlTheTemplateWritesItselfMustBeSafe() throws Exception {
        String card = """
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi ${name}"}],
                 "actions":[{"type":"Action.OpenUrl","title":"Open","url":"%s"}]}""";

        for (String url : List.of("javascript:alert(1)", "javascript:alert('${name}')", "data:text/html,<b>${name}</b>",
                "http://contoso.example/news", "not a url")) {
            RejectedInputException e = catchThrowableOfType(RejectedInputException.class,
                    () -> card(card.formatted(url)).validate(List.of("name"), official));
            assertThat(e).as(url).isNotNull();
            assertThat(e.file()).isEqualTo("test.json");
            assertThat(e.reason()).as(url).startsWith("the card's link at /actions/0/url (\"");
        }
        for (String url : List.of("https://contoso.example/news", "https://contoso.example/u/${name}", "${name}",
                "mailto:${name}")) {
            assertThatCode(() -> card(card.formatted(url)).validate(List.of("name"), official)).as(url)
                    .doesNotThrowAnyException();
        }
        RejectedInputException image = catchThrowableOfType(RejectedInputException.class, () -> card("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Image","url":"http://contoso.example/a.png"}]}""")
                .validate(List.of(), official));
        assertThat(image.reason()).isEqualTo("the card's image or media URL at /body/0/url (\"http://contoso.example/a.png\")"
                + " is a http: URL; an image or media may be https: or a data:image (PNG, JPEG, GIF)");
        assertThatCode(() -> SHIPPED.load("digest").validate(List.of("headline", "link", "displayName"), official)).doesNotThrowAnyException();
    }
}
