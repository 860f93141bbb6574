package dev.teamsproactive.observe;

import java.util.regex.Pattern;

/**
 * A call's name for metrics: the method and the path with its ids taken out, e.g.
 * {@code POST /v3/conversations/{id}/activities}, so every recipient's call counts under one name.
 */
final class CallNames {
    private static final Pattern ORIGIN = Pattern.compile("^[a-z]+://[^/?]*");
    private static final Pattern ID_AFTER = Pattern.compile(
            "/(users|installedApps|conversations|activities|teams|groups|chats|channels|teamsApps)/[^/]+");

    private CallNames() {
    }

    static String of(String method, String uri) {
        String path = ORIGIN.matcher(uri == null ? "" : uri).replaceFirst("");
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        path = ID_AFTER.matcher(path).replaceAll("/$1/{id}");
        return (method == null ? "?" : method) + " " + (path.isEmpty() ? "/" : path);
    }
}
