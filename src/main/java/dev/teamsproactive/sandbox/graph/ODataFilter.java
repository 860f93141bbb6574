package dev.teamsproactive.sandbox.graph;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed OData {@code $filter} expression: comparisons of a property with a literal, {@code startswith},
 * {@code and}, {@code or}, {@code not}. Strings compare case-insensitively, as the directory and the Teams
 * catalog do. Built by {@link ODataFilterParser}; {@link #bind} checks the property names against a type.
 */
sealed interface ODataFilter {

    /** The literal {@code null}, distinct from a missing value. */
    Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    enum Op {
        EQ, NE
    }

    /** Whether the item whose properties {@code values} gives (by canonical name) passes the filter. */
    boolean test(Function<String, Object> values);

    /**
     * The same filter with every property replaced by its canonical name from {@code properties} (keyed by
     * lower-case name); a 400 naming {@code typeName} for a property the type does not have.
     */
    ODataFilter bind(Map<String, String> properties, String typeName);

    /** The literal this filter requires {@code property} to equal, if a top-level {@code and} says so. */
    default Optional<Object> requiredEquality(String property) {
        return Optional.empty();
    }

    record Compare(String property, Op op, Object literal) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            boolean equal = same(values.apply(property), literal);
            return op == Op.EQ ? equal : !equal;
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new Compare(canonical(property, properties, typeName), op, literal);
        }

        @Override
        public Optional<Object> requiredEquality(String name) {
            return op == Op.EQ && property.equals(name) ? Optional.of(literal) : Optional.empty();
        }
    }

    record StartsWith(String property, String prefix) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            Object v = values.apply(property);
            return v instanceof String s && s.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new StartsWith(canonical(property, properties, typeName), prefix);
        }
    }

    /**
     * {@code collection/any(x:body)}: true when the body holds for at least one element of the collection, the
     * lambda variable standing for the element (Graph's {@code proxyAddresses/any(x:x eq 'smtp:…')}).
     */
    record Any(String property, String variable, ODataFilter body) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            if (!(values.apply(property) instanceof java.util.Collection<?> elements)) {
                return false;
            }
            for (Object element : elements) {
                if (body.test(name -> name.equals(variable) ? element : null)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new Any(canonical(property, properties, typeName), variable,
                    body.bind(Map.of(variable.toLowerCase(Locale.ROOT), variable), "the lambda variable " + variable));
        }

        /** The element this filter requires the collection to hold, when its body is {@code x eq literal}. */
        Optional<Object> requiredElement() {
            return body instanceof Compare c && c.op() == Op.EQ && c.property().equals(variable)
                    ? Optional.of(c.literal()) : Optional.empty();
        }
    }

    record And(ODataFilter left, ODataFilter right) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            return left.test(values) && right.test(values);
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new And(left.bind(properties, typeName), right.bind(properties, typeName));
        }

        @Override
        public Optional<Object> requiredEquality(String name) {
            Optional<Object> l = left.requiredEquality(name);
            return l.isPresent() ? l : right.requiredEquality(name);
        }
    }

    record Or(ODataFilter left, ODataFilter right) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            return left.test(values) || right.test(values);
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new Or(left.bind(properties, typeName), right.bind(properties, typeName));
        }
    }

    record Not(ODataFilter inner) implements ODataFilter {
        @Override
        public boolean test(Function<String, Object> values) {
            return !inner.test(values);
        }

        @Override
        public ODataFilter bind(Map<String, String> properties, String typeName) {
            return new Not(inner.bind(properties, typeName));
        }
    }

    private static boolean same(Object value, Object literal) {
        if (literal == NULL) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (value instanceof String s && literal instanceof String l) {
            return s.equalsIgnoreCase(l);
        }
        if (value instanceof Number n && literal instanceof Number l) {
            return n.doubleValue() == l.doubleValue();
        }
        return value.equals(literal);
    }

    /**
     * The canonical name of a property path. A leading type cast ({@code microsoft.graph.aadUserConversationMember/userId},
     * as Graph's own examples write it) is dropped: the sandbox's collections hold one type each.
     */
    private static String canonical(String path, Map<String, String> properties, String typeName) {
        String p = path;
        if (p.startsWith("microsoft.graph.") && p.indexOf('/') > 0) {
            p = p.substring(p.indexOf('/') + 1);
        }
        String name = properties.get(p.toLowerCase(Locale.ROOT));
        if (name == null) {
            throw GraphException.badRequest("Invalid filter clause: Could not find a property named '" + p
                    + "' on type '" + typeName + "'.");
        }
        return name;
    }
}
