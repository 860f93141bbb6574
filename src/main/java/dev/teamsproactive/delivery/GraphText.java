package dev.teamsproactive.delivery;

import java.nio.charset.StandardCharsets;

/** Text made safe for Graph and Bot Connector URLs: path segments percent-encoded, OData literals quoted. */
public final class GraphText {

    /**
     * Percent-encodes one path segment (RFC 3986): unreserved characters, '@' and ':' stay, everything else,
     * '/', '?', '#', '%' and '.' runs included, is escaped, so an id can never change the URL's path.
     */
    public static String pathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '~' || c == '@' || c == ':' || c == '.' && !value.equals(".") && !value.equals("..")) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The value inside an OData string literal: a single quote is written twice. */
    public static String odataLiteral(String value) {
        return value.replace("'", "''");
    }
}
