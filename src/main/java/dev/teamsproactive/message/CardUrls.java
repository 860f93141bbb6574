package dev.teamsproactive.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The URL fields of an Adaptive Card and what each may hold. A link a user clicks ({@code Action.OpenUrl}'s
 * {@code url}, wherever the action sits: actions, {@code selectAction}, {@code inlineAction}) may be {@code https:},
 * {@code mailto:} or {@code tel:}; an image or media the client loads ({@code Image.url}, {@code backgroundImage},
 * {@code iconUrl}, {@code poster}, a media source's {@code url}) may be {@code https:} or a PNG, JPEG or GIF
 * {@code data:image} URL. Nothing else: no {@code javascript:}, no {@code data:text/html}, no plain {@code http:}, no
 * user name or password before the host (a classic way to make a link look like another site's).
 */
final class CardUrls {

    /** Where a URL sits and so what it may be. */
    enum Kind { LINK, IMAGE }

    /** One URL field of the template: its place (a JSON pointer), its kind, and its text as written. */
    record Field(String pointer, Kind kind, String template) {
    }

    private static final Set<String> LINK_SCHEMES = Set.of("https", "mailto", "tel");
    private static final Pattern IMAGE_DATA = Pattern.compile("data:image/(png|jpeg|gif)(;base64)?,.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final int SHOWN_CHARS = 80;

    private CardUrls() {
    }

    /** The card's URL fields, in reading order. */
    static List<Field> of(JsonNode card) {
        List<Field> fields = new ArrayList<>();
        collect(card, "", fields);
        return List.copyOf(fields);
    }

    private static void collect(JsonNode node, String pointer, List<Field> fields) {
        if (node.isObject()) {
            boolean openUrl = "Action.OpenUrl".equals(node.path("type").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode value = field.getValue();
                if (value.isTextual() && isUrlKey(field.getKey())) {
                    Kind kind = openUrl && "url".equals(field.getKey()) ? Kind.LINK : Kind.IMAGE;
                    fields.add(new Field(at, kind, value.textValue()));
                } else if (value.isContainerNode() && !field.getKey().equals("data")) {
                    // An action's data is the app's own payload, handed back on a click: not shown, not opened.
                    collect(value, at, fields);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, fields);
            }
        }
    }

    private static boolean isUrlKey(String key) {
        return key.equals("url") || key.equals("iconUrl") || key.equals("poster") || key.equals("backgroundImage");
    }

    /** Why this rendered URL may not be sent in a field of this kind, or null when it may. */
    static String problem(String url, Kind kind) {
        if (url.isEmpty()) {
            return "is empty";
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            return "contains a space, a line break or an invisible character (percent-encode it, e.g. %20)";
        }
        var scheme = SCHEME.matcher(url);
        if (!scheme.matches()) {
            return "is not an absolute URL (it must start with https://)";
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (kind == Kind.IMAGE && name.equals("data")) {
            return IMAGE_DATA.matcher(url).matches() ? null : "is a data: URL that is not a PNG, JPEG or GIF image";
        }
        Set<String> allowed = kind == Kind.LINK ? LINK_SCHEMES : Set.of("https");
        if (!allowed.contains(name)) {
            return "is a " + name + ": URL; " + (kind == Kind.LINK ? "a link may be https:, mailto: or tel:"
                    : "an image or media may be https: or a data:image (PNG, JPEG, GIF)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
        if (name.equals("https")) {
            if (uri.getHost() == null) {
                return "has no valid host name";
            }
            if (uri.getRawUserInfo() != null) {
                return "has a user name before the host (user@host), which makes a link look like another site's";
            }
        } else if (uri.getRawSchemeSpecificPart() == null || uri.getRawSchemeSpecificPart().isBlank()) {
            return "is empty after " + name + ":";
        }
        return null;
    }

    /**
     * Why the template's own text of this field can never be a safe URL, or null: a URL with no placeholder is
     * checked whole; one whose scheme is written before its first placeholder is checked for that scheme.
     */
    static String staticProblem(Field field) {
        int placeholder = field.template().indexOf("${");
        if (placeholder < 0) {
            return problem(field.template(), field.kind());
        }
        String fixed = field.template().substring(0, placeholder);
        var scheme = SCHEME.matcher(fixed);
        if (!scheme.matches()) {
            return null;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        boolean allowed = field.kind() == Kind.LINK ? LINK_SCHEMES.contains(name)
                : name.equals("https") || name.equals("data");
        return allowed ? null : problem(fixed, field.kind());
    }

    /** The URL as shown in a message: control characters escaped, cut to a readable length. */
    static String shown(String url) {
        StringBuilder s = new StringBuilder();
        url.codePoints().limit(SHOWN_CHARS).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                s.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s + (url.codePointCount(0, url.length()) > SHOWN_CHARS ? "…" : "");
    }
}
