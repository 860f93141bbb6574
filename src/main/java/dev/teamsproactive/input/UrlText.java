package dev.teamsproactive.input;

import java.nio.charset.StandardCharsets;

/** Text made safe for Graph and Bot Connector URLs: ids percent-encoded into one path segment, OData literals quoted. */
public final class UrlText {

    /**
     * One URL path segment: RFC 3986 unreserved characters and {@code @} stay, everything else becomes %XX of
     * its UTF-8 bytes ({@code /}, {@code ?}, {@code #}, {@code %}, {@code '} included), so an id can never
     * change the URL it is put in.
     */
    public static String pathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * A value inside a URL query: encoded as {@link #pathSegment} does, so {@code + & = $ # '} and spaces are all
     * %XX and the value can neither become a space nor start another query option.
     */
    public static String queryValue(String value) {
        return pathSegment(value);
    }

    /** The inside of an OData string literal: {@code '} is written twice. The caller still URL-encodes the query. */
    public static String odataLiteral(String value) {
        return value.replace("'", "''");
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }
}
