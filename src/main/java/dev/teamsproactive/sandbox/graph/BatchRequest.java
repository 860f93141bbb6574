package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RequestBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /v1.0/$batch}: {@code {"requests":[{"id","method","url","headers","body","dependsOn"}]}},
 * at most 20 requests with unique ids and relative URLs, checked as Graph checks them (400 otherwise).
 */
record BatchRequest(List<Item> items) {
    static final int MAX_REQUESTS = 20;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One request of the batch; {@code body} is already JSON text (or null). */
    record Item(String id, String method, String url, Map<String, String> headers, String body, List<String> dependsOn) {
    }

    boolean sequential() {
        return items.stream().anyMatch(i -> !i.dependsOn().isEmpty());
    }

    static BatchRequest parse(RequestBody body) {
        JsonNode json;
        try {
            json = body == null || body.asString() == null ? null : Responses.JSON.readTree(body.asString());
        } catch (IOException e) {
            json = null;
        }
        JsonNode requests = json == null ? null : json.get("requests");
        if (requests == null || !requests.isArray()) {
            throw GraphException.badRequest("Unable to read JSON request payload: a batch needs a 'requests' array.");
        }
        if (requests.isEmpty() || requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("A batch holds between 1 and " + MAX_REQUESTS + " requests; this one has "
                    + requests.size() + ".");
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : requests) {
            Item item = item(r);
            for (String dependency : item.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw GraphException.badRequest("Request '" + item.id() + "' depends on '" + dependency
                            + "', which is not an earlier request of the batch.");
                }
            }
            if (!ids.add(item.id())) {
                throw GraphException.badRequest("The batch has two requests with the id '" + item.id() + "'.");
            }
            items.add(item);
        }
        return new BatchRequest(List.copyOf(items));
    }

    private static Item item(JsonNode r) {
        String id = text(r, "id");
        String method = text(r, "method");
        String url = text(r, "url");
        if (id == null || method == null || url == null) {
            throw GraphException.badRequest("Each batch request needs an 'id', a 'method' and a 'url'.");
        }
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw GraphException.badRequest("Batch request '" + id + "' has an unsupported method '" + method + "'.");
        }
        if (url.contains("://") || url.replaceFirst("^/", "").startsWith("$batch")) {
            throw GraphException.badRequest("Batch request '" + id + "' must have a relative URL such as /users/{id}, not '"
                    + url + "'.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = r.get("headers");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode b = r.get("body");
        String body = b == null || b.isNull() ? null : b.isTextual() ? b.asText() : b.toString();
        if (body != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            throw GraphException.badRequest("Batch request '" + id + "' has a body but no Content-Type header.");
        }
        List<String> dependsOn = new ArrayList<>();
        JsonNode d = r.get("dependsOn");
        if (d != null && d.isArray()) {
            d.forEach(x -> dependsOn.add(x.asText()));
        }
        return new Item(id, method, url.startsWith("/") ? url : "/" + url, headers, body, List.copyOf(dependsOn));
    }

    /**
     * A batch URL as clients write it (Graph's own examples leave the spaces and quotes of a {@code $filter}
     * unencoded) made a valid URI: characters a URI cannot hold are percent-encoded, the rest, existing
     * {@code %XX} escapes included, stay as they are.
     */
    static String encodeLoosely(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String text(JsonNode r, String name) {
        JsonNode v = r.get(name);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
