package dev.teamsproactive.sandbox.bot;

/**
 * The Bot Connector's size ceiling: an activity over about 100 KB answers 413 MessageSizeTooBig. Teams counts the
 * text in UTF-16, two bytes per char, so the sandbox counts the request's JSON text as chars times two.
 */
public final class ActivitySize {
    public static final int MAX_UTF16_BYTES = 100 * 1024;

    private ActivitySize() {
    }

    public static long utf16Bytes(String json) {
        return 2L * json.length();
    }

    public static boolean tooBig(String json) {
        return utf16Bytes(json) > MAX_UTF16_BYTES;
    }
}
