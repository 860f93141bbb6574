package dev.teamsproactive.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shared Adaptive Card 1.5 schema helper tells a card Teams renders from one it cannot. */
class AdaptiveCardSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWellFormedCardIsValid() throws Exception {
        JsonNode card = JSON.readTree("""
                {"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.5",
                 "body":[{"type":"TextBlock","text":"Hello ${name}","wrap":true,"weight":"Bolder"},
                         {"type":"FactSet","facts":[{"title":"When","value":"Thursday"}]}],
                 "actions":[{"type":"Action.OpenUrl","title":"Open","url":"https://contoso.example/news"}]}
                """);

        assertThat(AdaptiveCardSchema.problems(card)).isEmpty();
        AdaptiveCardSchema.assertValid(card);
    }

    @Test
    void aCardBreakingTheSchemaIsReported() throws Exception {
        JsonNode wrongType = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi","wrap":"yes"}]}
                """);
        JsonNode unknownElement = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Marquee","text":"Hi"}]}
                """);
        JsonNode notACard = JSON.readTree("{\"type\":\"HeroCard\"}");

        assertThat(AdaptiveCardSchema.problems(wrongType)).isNotEmpty();
        assertThat(AdaptiveCardSchema.problems(unknownElement)).isNotEmpty();
        assertThat(AdaptiveCardSchema.problems(notACard)).isNotEmpty();
        assertThatThrownBy(() -> AdaptiveCardSchema.assertValid(wrongType)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Not a valid Adaptive Card 1.5");
    }
}
