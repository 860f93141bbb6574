package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the validator's findings on a card into the few that matter. Card elements are an
 * "anyOf" over every element type, so a mistake in a TextBlock is explained against each type
 * ("required property 'items' not found", "not in the enumeration [\"Image\"]"…). Kept: findings
 * from definitions the element's own type uses; an unknown type, or a known type in the wrong
 * place, is named once; a pattern or "null expected" finding is dropped when a clearer one
 * exists for the same value.
 */
final class SchemaFindings {

    private static final String DEFINITIONS = "#/definitions/";
    /** References that lead to other elements, whose findings are about those elements. */
    private static final String CHILD_ELEMENTS = "ImplementationsOf.";

    /** Type name (TextBlock, Action.OpenUrl, …) → every definition it uses, itself included. */
    private final Map<String, Set<String>> typeUses = new HashMap<>();
    /** Every definition some type uses. */
    private final Set<String> usedByTypes = new HashSet<>();

    SchemaFindings(JsonNode definitions) {
        for (Iterator<String> names = definitions.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode values = definitions.get(name).path("properties").path("type").path("enum");
            if (values.size() == 1 && name.equals(values.get(0).asText())) {
                Set<String> uses = new HashSet<>();
                collectUses(definitions, name, uses);
                typeUses.put(name, uses);
                usedByTypes.addAll(uses);
            }
        }
    }

    List<String> explain(JsonNode card, Collection<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> byValue = new HashMap<>();
        messages.forEach(m -> byValue.computeIfAbsent(m.getInstanceLocation().toString(), k -> new ArrayList<>()).add(m));
        Set<String> relevant = new LinkedHashSet<>();
        Set<String> misplaced = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            JsonNodePath elementPath = elementOf(card, message.getInstanceLocation());
            String type = elementPath == null ? null : nodeAt(card, elementPath).path("type").asText(null);
            String definition = definitionOf(message);
            if (type == null || definition == null) {
                relevant.add(message.getMessage());
            } else if (!typeUses.containsKey(type)) {
                relevant.add(elementPath + ".type: unknown type \"" + type + "\"");
            } else if (typeUses.get(type).contains(definition) || !usedByTypes.contains(definition)) {
                if (!outdone(message, byValue.get(message.getInstanceLocation().toString()))) {
                    relevant.add(message.getMessage());
                }
            } else {
                misplaced.add(elementPath + ": a \"" + type + "\" is not allowed here");
            }
        }
        return new ArrayList<>(relevant.isEmpty() ? misplaced : relevant);
    }

    /** A regex or "null expected" finding says less than an enumeration finding on the same value. */
    private static boolean outdone(ValidationMessage message, List<ValidationMessage> sameValue) {
        boolean vague = "pattern".equals(message.getType())
                || ("type".equals(message.getType()) && message.getMessage().endsWith("null expected"));
        return vague && sameValue.stream().anyMatch(other -> "enum".equals(other.getType()));
    }

    /** The nearest object with a "type" at or above {@code at}: the element a finding is about. */
    private static JsonNodePath elementOf(JsonNode card, JsonNodePath at) {
        for (JsonNodePath path = at; path != null; path = path.getParent()) {
            JsonNode node = nodeAt(card, path);
            if (node != null && node.isObject() && node.path("type").isTextual()) {
                return path;
            }
        }
        return null;
    }

    private static JsonNode nodeAt(JsonNode root, JsonNodePath path) {
        JsonNode node = root;
        for (int i = 0; i < path.getNameCount() && node != null; i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node;
    }

    private static String definitionOf(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        return fragment != null && fragment.getNameCount() > 1 && "definitions".equals(fragment.getName(0))
                ? fragment.getName(1) : null;
    }

    /** The definition and all it references, except references to child elements. */
    private static void collectUses(JsonNode definitions, String name, Set<String> uses) {
        if (name.startsWith(CHILD_ELEMENTS) || !uses.add(name)) {
            return;
        }
        List<String> refs = new ArrayList<>();
        collectRefs(definitions.path(name), refs);
        refs.forEach(ref -> collectUses(definitions, ref, uses));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFINITIONS)) {
            refs.add(ref.asText().substring(DEFINITIONS.length()));
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                collectRefs(child, refs);
            }
        }
    }
}
