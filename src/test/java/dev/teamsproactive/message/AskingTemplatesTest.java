package dev.teamsproactive.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped templates that ask something (acknowledge, poll, survey) are valid Adaptive Cards 1.5 that Teams answers. */
class AskingTemplatesTest {
    private static final MessageTemplates SHIPPED = new MessageTemplates(Path.of("config/messages"));
    private static CardSchema official;

    @BeforeAll
    static void loadTheOfficialSchema() {
        official = CardSchema.load(Path.of(System.getProperty("shared.reference.dir"), "adaptive-card-1.5.schema.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledge", "poll", "survey"})
    void eachIsAValidCardNeedingOnlyAName(String name) {
        MessageTemplate template = SHIPPED.load(name);

        assertThat(official.isOfficial()).isTrue();
        assertThat(official.problems(template.render(Map.of("name", "Ada")).card())).isEmpty();
        assertThatCode(() -> template.validate(List.of("upn", "name"), official)).doesNotThrowAnyException();
        assertThatCode(() -> template.validate(List.of("upn", "name"))).doesNotThrowAnyException();
    }

    @Test
    void theAcknowledgementAndThePollAnswerWithActionExecuteTheSurveyWithItsInputs() {
        assertThat(actions("acknowledge")).contains("Action.Execute:acknowledge");
        assertThat(actions("poll")).contains("Action.Execute:vote");
        assertThat(inputs("poll")).containsExactly("Input.ChoiceSet:choice");
        assertThat(actions("survey")).contains("Action.Submit:");
        assertThat(inputs("survey")).containsExactly("Input.ChoiceSet:rating", "Input.Text:comment");
    }

    private static JsonNode card(String name) {
        return SHIPPED.load(name).render(Map.of("name", "Ada")).card();
    }

    private static List<String> actions(String name) {
        List<String> found = new ArrayList<>();
        card(name).path("actions").forEach(a -> found.add(a.path("type").asText() + ":" + a.path("verb").asText("")));
        return found;
    }

    private static List<String> inputs(String name) {
        List<String> found = new ArrayList<>();
        card(name).path("body").forEach(e -> {
            if (e.path("type").asText().startsWith("Input.")) {
                found.add(e.path("type").asText() + ":" + e.path("id").asText());
            }
        });
        return found;
    }
}
