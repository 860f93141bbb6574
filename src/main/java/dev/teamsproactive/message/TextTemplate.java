package dev.teamsproactive.message;

import java.util.HashMap;
import java.util.Map;

/**
 * A Markdown text template: sent as the activity's {@code text}. A recipient's values are inserted as literal
 * text ({@link MarkdownText}): a column can add no link, image or formatting; the toast shows them as written.
 */
final class TextTemplate extends MessageTemplate {

    private final String text;

    TextTemplate(String name, String file, String text) {
        super(name, file, Placeholders.in(text));
        this.text = text;
    }

    @Override
    public RenderedMessage render(Map<String, String> variables) {
        Map<String, String> escaped = new HashMap<>();
        variables.forEach((name, value) -> escaped.put(name, value == null ? null : MarkdownText.escape(value)));
        String rendered = Placeholders.substitute(text, escaped);
        return new RenderedMessage(rendered, Toast.ofMarkdown(Placeholders.substitute(text, variables)), null);
    }
}
