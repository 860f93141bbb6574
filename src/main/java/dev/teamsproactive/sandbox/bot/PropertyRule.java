package dev.teamsproactive.sandbox.bot;

/**
 * What one property of a Bot Connector object must look like.
 *
 * @param kind     its JSON type (JSON null is always accepted: the Bot Framework SDKs send absent values as null)
 * @param shape    for an object: the properties checked inside it; null checks only that it is an object
 * @param items    for an array: the rule each element must meet
 * @param isDateTime for a string: it must be an ISO-8601 date-time (swagger {@code "format":"date-time"})
 */
public record PropertyRule(JsonKind kind, ObjectShape shape, PropertyRule items, boolean isDateTime) {

    public static PropertyRule string() {
        return new PropertyRule(JsonKind.STRING, null, null, false);
    }

    public static PropertyRule dateTime() {
        return new PropertyRule(JsonKind.STRING, null, null, true);
    }

    public static PropertyRule bool() {
        return new PropertyRule(JsonKind.BOOLEAN, null, null, false);
    }

    public static PropertyRule anyValue() {
        return new PropertyRule(JsonKind.ANY, null, null, false);
    }

    /** An object whose contents are not checked. */
    public static PropertyRule object() {
        return new PropertyRule(JsonKind.OBJECT, null, null, false);
    }

    public static PropertyRule object(ObjectShape shape) {
        return new PropertyRule(JsonKind.OBJECT, shape, null, false);
    }

    public static PropertyRule arrayOf(PropertyRule items) {
        return new PropertyRule(JsonKind.ARRAY, null, items, false);
    }
}
