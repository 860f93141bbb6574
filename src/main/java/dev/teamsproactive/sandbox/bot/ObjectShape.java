package dev.teamsproactive.sandbox.bot;

import java.util.Map;
import java.util.Set;

/**
 * The properties the sandbox checks in one object of the Bot Connector's schema. Properties it does not
 * list are accepted as they come, as the service's own JSON reader ignores members it does not know.
 *
 * @param swaggerDefinition the name of the matching definition in the Bot Connector swagger
 * @param properties        the checked properties, by JSON name
 * @param required          properties the sandbox insists on (the swagger itself marks none as required)
 */
public record ObjectShape(String swaggerDefinition, Map<String, PropertyRule> properties, Set<String> required) {
    public ObjectShape {
        properties = Map.copyOf(properties);
        required = Set.copyOf(required);
    }
}
