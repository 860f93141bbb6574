package dev.teamsproactive.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Markdown text template: sent as the activity's {@code text}. */
final class TextTemplate extends MessageTemplate {

    private final String text;
    private final List<String> placeholders;

    TextTemplate(String name, String file, String text) {
        super(name, file);
        this.text = text;
        Set<String> names = new LinkedHashSet<>();
        Placeholders.collect(text, names);
        this.placeholders = List.copyOf(names);
    }

    @Override
    public List<String> placeholders() {
        return placeholders;
    }

    @Override
    public RenderedMessage render(Map<String, String> variables) {
        String rendered = Placeholders.substitute(text, variables);
        return new RenderedMessage(rendered, Toast.ofMarkdown(rendered), null);
    }
}
