package dev.teamsproactive.message;

import dev.teamsproactive.input.RejectedInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message template from {@code config/messages/}: an Adaptive Card ({@code .json}) or a
 * Markdown text ({@code .md}), with {@code ${column}} placeholders filled per recipient.
 */
public abstract sealed class MessageTemplate permits CardTemplate, TextTemplate {

    /** What each placeholder is filled with when {@link #validate} renders a trial message. */
    static final String SAMPLE_VALUE = "sample";

    private final String name;
    private final String file;
    private final List<String> placeholders;

    /** @param placeholders the names the template binds, each once, in order of appearance */
    MessageTemplate(String name, String file, Collection<String> placeholders) {
        this.name = name;
        this.file = file;
        this.placeholders = List.copyOf(placeholders);
    }

    /** The template's name: its file name without the extension. */
    public String name() {
        return name;
    }

    /** The template's file, as found. */
    public String file() {
        return file;
    }

    /** The names the template binds ({@code ${name}}), each once, in order of appearance. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** The message for one recipient; a placeholder without a value renders as an empty string. */
    public abstract RenderedMessage render(Map<String, String> variables);

    /**
     * Why this recipient's message may not be sent because of a URL their values fill in (a card's link, image or
     * media: see {@link CardUrls}), or null when every such URL is safe. A Markdown text has no URL fields: its
     * values are escaped instead.
     */
    public String unsafeUrl(Map<String, String> variables) {
        return null;
    }

    /** Why a URL the template writes itself can never be sent, or null. */
    String unsafeStaticUrl() {
        return null;
    }

    /**
     * Checks the template against a recipients file before anything is sent.
     *
     * @param availableColumns the file's columns (its variables)
     * @throws RejectedInputException when a placeholder names a column the file lacks (all are
     *                                named), when the rendered card is not a valid Adaptive Card 1.5,
     *                                when a URL the template writes is not one Teams may be sent (a
     *                                {@code javascript:} link, an {@code http:} image …: {@link CardUrls}),
     *                                or when the rendered message is over 80 KB
     */
    public void validate(Collection<String> availableColumns) {
        validate(availableColumns, CardSchema.bundled());
    }

    /** As {@link #validate(Collection)}, against the given schema. */
    public void validate(Collection<String> availableColumns, CardSchema schema) {
        Set<String> columns = Set.copyOf(availableColumns);
        List<String> missing = new ArrayList<>();
        for (String placeholder : placeholders()) {
            if (!columns.contains(placeholder)) {
                missing.add("${" + placeholder + "}");
            }
        }
        if (!missing.isEmpty()) {
            throw new RejectedInputException(file, "the template uses " + String.join(", ", missing)
                    + " but the recipients file has no such column (it has " + String.join(", ", availableColumns) + ")");
        }
        String unsafe = unsafeStaticUrl();
        if (unsafe != null) {
            throw new RejectedInputException(file, unsafe);
        }
        Map<String, String> sample = new HashMap<>();
        placeholders().forEach(p -> sample.put(p, SAMPLE_VALUE));
        RenderedMessage message = render(sample);
        if (message.card() != null) {
            List<String> problems = schema.problems(message.card());
            if (!problems.isEmpty()) {
                throw new RejectedInputException(file, "the rendered card is not a valid Adaptive Card 1.5: "
                        + String.join("; ", problems));
            }
        }
        if (message.tooLarge()) {
            throw new RejectedInputException(file, "the rendered message is " + message.utf16Bytes() / 1024
                    + " KB as Teams counts it (UTF-16); Teams refuses about 100 KB, keep it under "
                    + RenderedMessage.MAX_ACTIVITY_UTF16_BYTES / 1024 + " KB");
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
