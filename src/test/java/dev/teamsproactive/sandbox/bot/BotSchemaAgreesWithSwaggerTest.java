package dev.teamsproactive.sandbox.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sandbox keeps its request rules ({@link BotSchema}) in Java; this holds them to the published Bot Connector
 * swagger, so a rule that drifts from the contract fails here rather than in front of Microsoft.
 */
class BotSchemaAgreesWithSwaggerTest {

    @Test
    void everyCheckedPropertyHasTheSwaggersTypeAndEverySwaggerPropertyIsChecked() {
        List<String> problems = new ArrayList<>();
        for (ObjectShape shape : shapes().values()) {
            JsonNode definition = BotSwagger.definition(shape.swaggerDefinition());
            Set<String> swaggerNames = new TreeSet<>();
            definition.path("properties").fieldNames().forEachRemaining(swaggerNames::add);
            assertThat(shape.properties().keySet()).as("properties of %s", shape.swaggerDefinition())
                    .containsExactlyInAnyOrderElementsOf(swaggerNames);
            shape.properties().forEach((name, rule) -> compare(rule,
                    definition.path("properties").path(name), shape.swaggerDefinition() + "." + name, problems));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void requiredPropertiesAreStringsOfTheSwagger() {
        for (ObjectShape shape : shapes().values()) {
            JsonNode properties = BotSwagger.definition(shape.swaggerDefinition()).path("properties");
            for (String name : shape.required()) {
                assertThat(properties.has(name)).as("%s.%s in the swagger", shape.swaggerDefinition(), name).isTrue();
            }
        }
        assertThat(BotSchema.ACTIVITY.required()).containsExactly("type");
        assertThat(BotSchema.ATTACHMENT.required()).containsExactly("contentType");
    }

    @Test
    void theOnlyActivityTypeSentIsOneTheSwaggerNames() {
        List<String> types = new ArrayList<>();
        BotSwagger.definition("ActivityTypes").path("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).contains(ActivityValidator.MESSAGE);
        assertThat(BotSwagger.typeOf(BotSwagger.definition("Activity").path("properties").path("type"))).isEqualTo("string");
    }

    @Test
    void everyOperationTheSandboxServesIsInTheSwagger() {
        for (BotConnectorApi.Operation op : BotConnectorApi.OPERATIONS) {
            JsonNode path = BotSwagger.root().path("paths").path(op.path());
            assertThat(path.has(op.method().name().toLowerCase(java.util.Locale.ROOT)))
                    .as("%s %s in the swagger", op.method(), op.path()).isTrue();
        }
    }

    /** Every shape reachable from the two request bodies the sandbox checks, by swagger definition. */
    private static Map<String, ObjectShape> shapes() {
        Map<String, ObjectShape> out = new LinkedHashMap<>();
        collect(BotSchema.CONVERSATION_PARAMETERS, out);
        collect(BotSchema.ACTIVITY, out);
        assertThat(out).containsKeys("Activity", "Attachment", "ChannelAccount", "ConversationAccount", "Entity",
                "ConversationParameters");
        return out;
    }

    private static void collect(ObjectShape shape, Map<String, ObjectShape> out) {
        if (out.putIfAbsent(shape.swaggerDefinition(), shape) != null) {
            return;
        }
        shape.properties().values().forEach(rule -> collect(rule, out));
    }

    private static void collect(PropertyRule rule, Map<String, ObjectShape> out) {
        if (rule.shape() != null) {
            collect(rule.shape(), out);
        }
        if (rule.items() != null) {
            collect(rule.items(), out);
        }
    }

    private static void compare(PropertyRule rule, JsonNode schema, String where, List<String> problems) {
        String swaggerType = BotSwagger.typeOf(schema);
        String ref = BotSwagger.refName(schema);
        String expected = switch (rule.kind()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT, ANY -> "object";
        };
        if (!expected.equals(swaggerType)) {
            problems.add(where + ": sandbox checks " + rule.kind() + ", swagger says " + swaggerType);
            return;
        }
        // ANY stands only for the swagger's untyped "object" (no $ref, no properties of its own).
        if (rule.kind() == JsonKind.ANY && (ref != null || schema.has("properties"))) {
            problems.add(where + ": sandbox accepts any JSON, but the swagger gives it the structured type " + ref);
        }
        if (rule.shape() != null && !rule.shape().swaggerDefinition().equals(ref)) {
            problems.add(where + ": sandbox checks it as " + rule.shape().swaggerDefinition() + ", swagger refers to " + ref);
        }
        boolean swaggerDateTime = "date-time".equals(schema.path("format").asText());
        if (rule.isDateTime() != swaggerDateTime) {
            problems.add(where + ": date-time in sandbox " + rule.isDateTime() + ", in swagger " + swaggerDateTime);
        }
        if (rule.kind() == JsonKind.ARRAY) {
            if (rule.items() == null) {
                problems.add(where + ": sandbox has no rule for the array's items");
            } else {
                compare(rule.items(), schema.path("items"), where + "[]", problems);
            }
        }
    }
}
