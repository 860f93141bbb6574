package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type a Bot Connector property must have. */
public enum JsonKind {
    STRING,
    BOOLEAN,
    OBJECT,
    ARRAY,
    /**
     * Any JSON value. The swagger writes .NET's untyped {@code object} members (an attachment's
     * {@code content}, an activity's {@code value}) as {@code "type":"object"}, yet they carry any JSON.
     */
    ANY;

    public boolean accepts(JsonNode node) {
        return switch (this) {
            case STRING -> node.isTextual();
            case BOOLEAN -> node.isBoolean();
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
            case ANY -> true;
        };
    }

    /** How an error message names the expected type. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
