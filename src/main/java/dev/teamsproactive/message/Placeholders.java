package dev.teamsproactive.message;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data bindings written as in the Adaptive Cards templating language: {@code ${name}} inside a
 * string. Only plain names are supported (no expressions); the name is the column's header as
 * written, spaces around it ignored.
 *
 * <p>A name with no value renders as an empty string. (Adaptive Cards templating would leave
 * the binding unbound; an empty value reads better than a raw {@code ${name}} in a message.)
 */
final class Placeholders {

    private static final Pattern BINDING = Pattern.compile("\\$\\{([^{}]*)}");

    private Placeholders() {
    }

    /** The names bound in {@code text}, each once, in order of appearance. */
    static Set<String> in(String text) {
        Set<String> names = new java.util.LinkedHashSet<>();
        collect(text, names);
        return names;
    }

    /** Adds the names bound in {@code text} to {@code names}, in order of appearance. */
    static void collect(String text, Set<String> names) {
        Matcher m = BINDING.matcher(text);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
    }

    static String substitute(String text, Map<String, String> values) {
        Matcher m = BINDING.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int last = 0;
        do {
            out.append(text, last, m.start());
            String value = values.get(m.group(1).strip());
            out.append(value == null ? "" : value);
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }
}
