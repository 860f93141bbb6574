package dev.teamsproactive.message;

import java.util.regex.Pattern;

/**
 * A recipient's value made literal text inside a Markdown message: it can add no link, image, emphasis, code,
 * heading, list, quote or HTML tag of its own; the template's own Markdown stays as written. Teams renders
 * Markdown and a few HTML tags in a message's text, so both are escaped: HTML's three special characters as
 * entities, Markdown's as backslash escapes (CommonMark: any ASCII punctuation may be escaped). Hand-written:
 * no Markdown library here escapes text for Markdown, only renders it.
 */
final class MarkdownText {

    /** Characters that open or close a Markdown construct anywhere in a line (a link's [ ], emphasis, code …). */
    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]()!#|~])");
    /** At a line's start: a list item ("- ", "+ ", "1. ", "1) "), which the inline escapes do not cover. */
    private static final Pattern BLOCK_START = Pattern.compile("(?m)^(\\s*)([-+]|\\d+(?=[.)]))");

    private MarkdownText() {
    }

    static String escape(String value) {
        String html = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String inline = INLINE.matcher(html).replaceAll("\\\\$1");
        return BLOCK_START.matcher(inline).replaceAll(m -> m.group(2).equals("-") || m.group(2).equals("+")
                ? m.group(1) + "\\\\" + m.group(2) : m.group(1) + m.group(2) + "\\\\");
    }
}
