package dev.teamsproactive.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Adaptive Card 1.5 JSON schema from the shared reference folder ({@code shared.reference.dir}), for tests that
 * send or render cards: {@code AdaptiveCardSchema.assertValid(card)}. Loaded once per test JVM.
 */
public final class AdaptiveCardSchema {
    public static final String FILE = "adaptive-card-1.5.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile JsonSchema schema;

    private AdaptiveCardSchema() {
    }

    /** Where the shared reference files are: the system property surefire sets. */
    public static Path referenceDir() {
        String dir = System.getProperty("shared.reference.dir");
        if (dir == null) {
            throw new IllegalStateException("System property shared.reference.dir is not set (surefire sets it to ../shared/reference)");
        }
        return Path.of(dir);
    }

    /** Every way {@code card} breaks the schema, as readable lines; empty when it is a valid 1.5 card. */
    public static List<String> problems(JsonNode card) {
        return schema().validate(card).stream().map(ValidationMessage::toString).sorted().collect(Collectors.toList());
    }

    /** Throws an AssertionError listing the problems when {@code card} is not a valid Adaptive Card 1.5. */
    public static void assertValid(JsonNode card) {
        List<String> problems = problems(card);
        if (!problems.isEmpty()) {
            throw new AssertionError("Not a valid Adaptive Card 1.5:\n  " + String.join("\n  ", problems) + "\ncard: " + card);
        }
    }

    private static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            synchronized (AdaptiveCardSchema.class) {
                if (schema == null) {
                    schema = load();
                }
                s = schema;
            }
        }
        return s;
    }

    private static JsonSchema load() {
        Path file = referenceDir().resolve(FILE);
        try {
            JsonNode tree = JSON.readTree(Files.readString(file));
            // The file declares draft-06 but also uses keywords draft-06 lacks: draft-04's "id" (its own name; its
            // references are all internal) and the Adaptive Cards docs' "version", "features" and "example".
            // They describe, they do not constrain: declare them as such.
            JsonMetaSchema draft06 = JsonMetaSchema.builder(JsonMetaSchema.getV6())
                    .keywords(List.of(new NonValidationKeyword("id"), new NonValidationKeyword("version"),
                            new NonValidationKeyword("features"), new NonValidationKeyword("example")))
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6, b -> b.metaSchema(draft06)).getSchema(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
