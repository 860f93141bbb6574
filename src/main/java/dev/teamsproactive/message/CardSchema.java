package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks rendered cards against the official Adaptive Card 1.5 JSON schema, which the build
 * copies into the jar when it is given the schema file. Without it, only the card's
 * structure is checked (type, version, body of typed elements), with one warning in the log.
 * Compiling the schema takes about a second, so {@link #bundled()} does it once per process.
 *
 * <p>The card's root may carry {@code "msteams"} (Teams' own extension: full width, mentions),
 * which the generic schema does not know; it is not checked.
 */
public final class CardSchema {

    static final String RESOURCE = "/schemas/adaptive-card-1.5.schema.json";
    private static final Logger LOG = LoggerFactory.getLogger(CardSchema.class);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final int MAX_PROBLEMS = 5;

    private final JsonSchema schema;
    private final SchemaFindings findings;

    private CardSchema(JsonSchema schema, SchemaFindings findings) {
        this.schema = schema;
        this.findings = findings;
    }

    /** The schema packaged in the jar, or the structural check when the build had none. */
    public static CardSchema bundled() {
        return Bundled.INSTANCE;
    }

    /** A schema read from a file (tests use the official one in the shared reference folder). */
    public static CardSchema load(Path schemaFile) {
        try {
            return of(new ObjectMapper().readTree(Files.readString(schemaFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The structural check alone. */
    public static CardSchema structural() {
        return new CardSchema(null, null);
    }

    static CardSchema of(JsonNode schemaNode) {
        VersionFlag draft = SpecVersionDetector.detect(schemaNode);
        JsonMetaSchema standard = switch (draft) {
            case V4 -> JsonMetaSchema.getV4();
            case V6 -> JsonMetaSchema.getV6();
            case V7 -> JsonMetaSchema.getV7();
            case V201909 -> JsonMetaSchema.getV201909();
            case V202012 -> JsonMetaSchema.getV202012();
        };
        // The card schema says draft-06 but names itself with draft-04's "id", and annotates
        // definitions with its own "version"/"features" keys: none of them validate anything.
        JsonMetaSchema tolerant = JsonMetaSchema.builder(standard)
                .keyword(new NonValidationKeyword("id"))
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(draft))
                .metaSchema(tolerant)
                .build();
        JsonSchema schema = factory.getSchema(schemaNode);
        schema.initializeValidators();
        return new CardSchema(schema, new SchemaFindings(schemaNode.path("definitions")));
    }

    /** True when the official schema is used, false for the structural check alone. */
    public boolean isOfficial() {
        return schema != null;
    }

    /** What is wrong with the card (at most five findings, each with its JSON path); empty when it is valid. */
    public List<String> problems(JsonNode card) {
        List<String> problems = structuralProblems(card);
        if (problems.isEmpty() && schema != null) {
            JsonNode checked = card;
            if (card.has("msteams")) {
                checked = card.deepCopy();
                ((ObjectNode) checked).remove("msteams");
            }
            problems = findings.explain(checked, schema.validate(checked));
        }
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    /** What holds for any card Teams renders, schema or not. */
    static List<String> structuralProblems(JsonNode card) {
        List<String> problems = new ArrayList<>();
        if (!card.isObject()) {
            problems.add("$: a card is a JSON object");
            return problems;
        }
        if (!"AdaptiveCard".equals(card.path("type").asText(null))) {
            problems.add("$.type: must be \"AdaptiveCard\"");
        }
        Matcher version = VERSION.matcher(card.path("version").asText(""));
        if (!version.matches()) {
            problems.add("$.version: must be a version such as \"1.5\"");
        } else if (Integer.parseInt(version.group(1)) > 1
                || (Integer.parseInt(version.group(1)) == 1 && Integer.parseInt(version.group(2)) > 5)) {
            problems.add("$.version: Teams renders Adaptive Cards up to 1.5, not " + version.group());
        }
        JsonNode body = card.path("body");
        if (!body.isMissingNode() && !body.isArray()) {
            problems.add("$.body: must be an array of elements");
        }
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).isObject() || !body.get(i).path("type").isTextual()) {
                problems.add("$.body[" + i + "]: an element is an object with a \"type\"");
            }
        }
        return problems;
    }

    /** Loaded on first use, once. */
    private static final class Bundled {
        static final CardSchema INSTANCE = loadBundled();

        private static CardSchema loadBundled() {
            try (InputStream in = CardSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    LOG.warn("The Adaptive Card schema is not packaged ({} missing: build with ../shared/reference present);"
                            + " cards get a structural check only", RESOURCE);
                    return structural();
                }
                return of(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
