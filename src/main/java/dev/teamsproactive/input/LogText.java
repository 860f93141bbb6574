package dev.teamsproactive.input;

/**
 * A value from outside (a file name, a CSV header, a recipient id, an exception's message) made safe to write into a
 * log line or an {@code .error.txt}: every control character (CR and LF included), every invisible or bidi format
 * character (U+200B, U+202E …), line and paragraph separators and unpaired surrogates are written as escapes
 * ({@code \n}, {@code \r}, {@code \t}, <code>&#92;u202E</code>), so a value can neither forge a log line nor hide or reorder
 * what is shown around it. Other text (accents, CJK, emoji) stays as it is.
 */
public final class LogText {

    /** The text with the characters above escaped; "null" for null. Escaping twice changes nothing more. */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String escaped = escapeOf(text, i, ch);
            if (escaped == null) {
                if (out != null) {
                    out.append(ch);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(escaped);
        }
        return out == null ? text : out.toString();
    }

    /** As {@link #escape}, cut to at most {@code max} characters (then ending in "…"): for quoting a file's own text. */
    public static String excerpt(String value, int max) {
        return cut(escape(value), max);
    }

    /** {@code text} whole when it has at most {@code max} characters, else cut shorter and ended with "…". */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        // Never half a surrogate pair (an emoji, say).
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String escapeOf(String text, int i, char ch) {
        switch (ch) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? formatOrNull(text, i) : unicode(ch);
        }
        if (Character.isLowSurrogate(ch)) {
            // Its high half came just before and was judged with it.
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? pairTail(text, i) : unicode(ch);
        }
        switch (Character.getType(ch)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return unicode(ch);
            default:
                return null;
        }
    }

    /** A supplementary code point that is a format character (tags, U+E0001 …) is escaped whole. */
    private static String formatOrNull(String text, int i) {
        int cp = text.codePointAt(i);
        return Character.getType(cp) == Character.FORMAT ? "\\u{" + Integer.toHexString(cp).toUpperCase() + "}" : null;
    }

    private static String pairTail(String text, int i) {
        int cp = text.codePointAt(i - 1);
        // Its escape was written whole with the high half.
        return Character.getType(cp) == Character.FORMAT ? "" : null;
    }

    private static String unicode(char ch) {
        return String.format("\\u%04X", (int) ch);
    }
}
