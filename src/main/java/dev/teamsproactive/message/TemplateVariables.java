package dev.teamsproactive.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets a route add or replace a recipient's template variable (a row's columns are read-only), e.g. a value
 * fetched from an HTTP API by a step an integration engineer adds (README, "Editing the routes"):
 * <pre>
 * - setProperty:
 *     name: variables
 *     method:
 *       ref: templateVariables
 *       method: "with(${exchangeProperty.variables}, 'name', ${exchangeProperty.displayName})"
 * </pre>
 */
public final class TemplateVariables {

    /** A copy of {@code variables} with {@code name} set to {@code value} (null becomes empty). */
    public Map<String, String> with(Map<String, String> variables, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(variables == null ? Map.of() : variables);
        copy.put(name, value == null ? "" : value);
        return Collections.unmodifiableMap(copy);
    }
}
