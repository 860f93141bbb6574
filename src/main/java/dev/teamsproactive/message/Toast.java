package dev.teamsproactive.message;

import dev.teamsproactive.input.LogText;

/** The short text of a message's notification (the activity's {@code summary}). */
final class Toast {

    static final int MAX_CHARS = 100;

    private Toast() {
    }

    /** The first non-empty line of a Markdown text, without its heading, quote or emphasis marks. */
    static String ofMarkdown(String text) {
        for (String line : text.split("\\R")) {
            String plain = line.strip()
                    .replaceFirst("^(#{1,6}\\s+|>\\s*|[-*+]\\s+)", "")
                    .replace("**", "").replace("__", "");
            if (!plain.isBlank()) {
                return shorten(plain);
            }
        }
        return null;
    }

    /** Whitespace runs (newlines too) made one space, cut to {@link #MAX_CHARS} with an ellipsis. */
    static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return null;
        }
        return LogText.cut(flat, MAX_CHARS);
    }
}
