package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Adaptive Card template. Placeholders are replaced inside string values only, on a copy of
 * the parsed tree: Jackson writes the result, so quotes, backslashes and newlines in a value are
 * escaped properly and can never change the card's structure.
 */
final class CardTemplate extends MessageTemplate {

    private final JsonNode card;
    private final List<CardUrls.Field> urls;

    CardTemplate(String name, String file, JsonNode card) {
        super(name, file, placeholdersOf(card));
        this.card = card;
        this.urls = CardUrls.of(card);
    }

    private static Set<String> placeholdersOf(JsonNode card) {
        Set<String> names = new LinkedHashSet<>();
        collect(card, names);
        return names;
    }

    @Override
    public RenderedMessage render(Map<String, String> variables) {
        JsonNode rendered = card.deepCopy();
        fill(rendered, variables);
        return new RenderedMessage(null, summaryOf(rendered), rendered);
    }

    @Override
    public String unsafeUrl(Map<String, String> variables) {
        for (CardUrls.Field field : urls) {
            if (!field.template().contains("${")) {
                continue;
            }
            String url = Placeholders.substitute(field.template(), variables);
            String problem = CardUrls.problem(url, field.kind());
            if (problem != null) {
                return describe(field, url, problem);
            }
        }
        return null;
    }

    @Override
    String unsafeStaticUrl() {
        for (CardUrls.Field field : urls) {
            String problem = CardUrls.staticProblem(field);
            if (problem != null) {
                return describe(field, field.template(), problem);
            }
        }
        return null;
    }

    private static String describe(CardUrls.Field field, String url, String problem) {
        return "the card's " + (field.kind() == CardUrls.Kind.LINK ? "link" : "image or media URL") + " at "
                + field.pointer() + " (\"" + CardUrls.shown(url) + "\") " + problem;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Placeholders.collect(node.textValue(), names);
        }
        for (JsonNode child : node) {
            collect(child, names);
        }
    }

    private static void fill(JsonNode node, Map<String, String> variables) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(Placeholders.substitute(field.getValue().textValue(), variables)));
                } else {
                    fill(field.getValue(), variables);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(Placeholders.substitute(array.get(i).textValue(), variables)));
                } else {
                    fill(array.get(i), variables);
                }
            }
        }
    }

    /** The toast: the first TextBlock's text (depth first, in reading order), else the fallback text. */
    private static String summaryOf(JsonNode card) {
        String text = firstTextBlock(card.path("body"));
        return Toast.shorten(text != null ? text : card.path("fallbackText").asText(""));
    }

    private static String firstTextBlock(JsonNode node) {
        if (node.isObject() && "TextBlock".equals(node.path("type").asText()) && node.path("text").isTextual()
                && !node.path("text").textValue().isBlank()) {
            return node.path("text").textValue();
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                String found = firstTextBlock(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
