package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Checks a JSON tree against an {@link ObjectShape}; answers the first problem, worded for a 400's message. */
public final class ShapeCheck {
    private ShapeCheck() {
    }

    /** The first problem in {@code node} as a {@code shape}, or empty when it conforms. {@code path} names it in messages. */
    public static Optional<String> problem(JsonNode node, ObjectShape shape, String path) {
        if (node == null || !node.isObject()) {
            return Optional.of(path + " must be a JSON object");
        }
        for (String name : shape.required()) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Optional.of(path + "." + name + " is required");
            }
        }
        for (Map.Entry<String, PropertyRule> e : shape.properties().entrySet()) {
            JsonNode value = node.get(e.getKey());
            if (value != null) {
                Optional<String> p = problem(value, e.getValue(), path + "." + e.getKey());
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(JsonNode value, PropertyRule rule, String path) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!rule.kind().accepts(value)) {
            return Optional.of(path + " must be a JSON " + rule.kind().jsonName() + ", not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (rule.isDateTime() && !isDateTime(value.asText())) {
            return Optional.of(path + " must be an ISO-8601 date-time, not '" + value.asText() + "'");
        }
        if (rule.shape() != null) {
            return problem(value, rule.shape(), path);
        }
        if (rule.items() != null) {
            for (int i = 0; i < value.size(); i++) {
                Optional<String> p = problem(value.get(i), rule.items(), path + "[" + i + "]");
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
