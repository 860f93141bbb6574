package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code $select} over an entity's structural properties: without it, the type's default properties;
 * with it, exactly the named ones (names match case-insensitively, as in Graph). A name the type does
 * not have is a 400. OData annotations ({@code @odata.type}) always stay.
 */
final class Selection {
    private final Set<String> keep;
    private final List<String> selected;

    private Selection(Set<String> keep, List<String> selected) {
        this.keep = keep;
        this.selected = selected;
    }

    /**
     * @param select     the request's {@code $select}, or null
     * @param defaults   what Graph returns without {@code $select}; null for everything the shape has
     * @param selectable every property the shapes of this collection can carry
     */
    static Selection of(List<String> select, Collection<String> defaults, Collection<String> selectable, String typeName) {
        if (select == null) {
            return new Selection(defaults == null ? null : Set.copyOf(defaults), null);
        }
        Map<String, String> canonical = new HashMap<>();
        selectable.forEach(p -> canonical.put(p.toLowerCase(Locale.ROOT), p));
        Set<String> keep = new LinkedHashSet<>();
        for (String s : select) {
            String name = canonical.get(s.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw GraphException.badRequest("Could not find a property named '" + s + "' on type '" + typeName + "'.");
            }
            keep.add(name);
        }
        return new Selection(keep, List.copyOf(keep));
    }

    /** The {@code @odata.context} fragment for this selection, e.g. {@code users(id,mail)}. */
    String context(String entitySet) {
        return selected == null ? entitySet : entitySet + "(" + String.join(",", selected) + ")";
    }

    ObjectNode apply(ObjectNode full) {
        if (keep == null) {
            return full;
        }
        ObjectNode out = Responses.JSON.createObjectNode();
        full.fields().forEachRemaining(f -> {
            if (f.getKey().startsWith("@") || keep.contains(f.getKey())) {
                out.set(f.getKey(), f.getValue());
            }
        });
        return out;
    }
}
