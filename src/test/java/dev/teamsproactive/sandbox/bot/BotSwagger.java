package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.testsupport.AdaptiveCardSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Bot Connector v3 swagger from the shared reference folder, read for tests. */
final class BotSwagger {
    static final String FILE = "botframework-connector-v3.json";
    private static final String REF_PREFIX = "#/definitions/";
    private static volatile JsonNode swagger;

    private BotSwagger() {
    }

    static JsonNode root() {
        JsonNode s = swagger;
        if (s == null) {
            Path file = AdaptiveCardSchema.referenceDir().resolve(FILE);
            try {
                s = SandboxTestClient.JSON.readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            swagger = s;
        }
        return s;
    }

    static JsonNode definition(String name) {
        JsonNode d = root().path("definitions").get(name);
        if (d == null) {
            throw new AssertionError("The swagger has no definition " + name);
        }
        return d;
    }

    /** The definition a {@code $ref} names, or null when {@code schema} is no reference. */
    static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? null : ref.substring(REF_PREFIX.length());
    }

    /** A property's JSON type, following a {@code $ref} to its definition (enums are strings). */
    static String typeOf(JsonNode schema) {
        String ref = refName(schema);
        return ref != null ? definition(ref).path("type").asText() : schema.path("type").asText();
    }

    /** The HTTP statuses the swagger lists for an operation (without "default"). */
    static Set<Integer> statuses(String path, String method) {
        JsonNode responses = root().path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses");
        Set<Integer> out = new TreeSet<>();
        responses.fieldNames().forEachRemaining(n -> {
            if (n.matches("\\d{3}")) {
                out.add(Integer.parseInt(n));
            }
        });
        if (out.isEmpty()) {
            throw new AssertionError("The swagger lists no responses for " + method + " " + path);
        }
        return out;
    }

    /** Where {@code body} departs from the swagger definition {@code name}: unknown members or wrong JSON types. */
    static List<String> problems(JsonNode body, String name) {
        List<String> out = new ArrayList<>();
        check(body, definition(name), name, out);
        return out;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (value.isNull()) {
            return;
        }
        String ref = refName(schema);
        JsonNode resolved = ref != null ? definition(ref) : schema;
        String type = resolved.path("type").asText();
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject() || !resolved.has("properties"); // an untyped .NET object: any JSON
            default -> true;
        };
        if (!ok) {
            out.add(path + " is " + value.getNodeType() + ", the swagger says " + type);
            return;
        }
        if ("object".equals(type) && resolved.has("properties") && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode propertySchema = resolved.path("properties").get(member.getKey());
                if (propertySchema == null) {
                    out.add(path + "." + member.getKey() + " is not a property of " + (ref != null ? ref : path));
                } else {
                    check(member.getValue(), propertySchema, path + "." + member.getKey(), out);
                }
            }
        }
        if ("array".equals(type)) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), resolved.path("items"), path + "[" + i + "]", out);
            }
        }
    }
}
