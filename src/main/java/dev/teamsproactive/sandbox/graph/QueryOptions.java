package dev.teamsproactive.sandbox.graph;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The OData system query options of one request: {@code $filter}, {@code $select}, {@code $expand},
 * {@code $top} and the {@code $skiptoken} of a next page. The ones the sandbox does not model
 * ({@code $orderby}, {@code $search}, {@code $count}, {@code $skip}) are refused with a 400 rather than
 * silently ignored, so a client relying on them finds out at once.
 */
record QueryOptions(ODataFilter filter, List<String> select, List<String> expand, Integer top, int skip) {

    private static final List<String> UNSUPPORTED = List.of("$orderby", "$search", "$count", "$skip");
    private static final String SKIPTOKEN_PREFIX = "sandbox-skip:";

    static QueryOptions parse(MultiMap params) {
        for (String option : UNSUPPORTED) {
            if (params.contains(option)) {
                throw GraphException.badRequest("The sandbox does not support the query option '" + option + "'.");
            }
        }
        String filter = params.get("$filter");
        return new QueryOptions(filter == null ? null : ODataFilterParser.parse(filter), list(params.get("$select")),
                expand(params.get("$expand")), top(params.get("$top")), skip(params.get("$skiptoken")));
    }

    /** {@code $top} within Graph's bounds for the collection, or {@code defaultSize} when absent. */
    int pageSize(int defaultSize, int max) {
        if (top == null) {
            return defaultSize;
        }
        if (top < 1 || top > max) {
            // The directory's own words for a page size out of range.
            throw new GraphException(400, "Request_UnsupportedQuery", "Invalid page size specified: '" + top
                    + "'. Must be between 1 and " + max + " inclusive.");
        }
        return top;
    }

    boolean expands(String navigation) {
        return expand != null && expand.stream().anyMatch(e -> e.equalsIgnoreCase(navigation));
    }

    /** A 400 for any {@code $expand} other than {@code allowed}, naming {@code typeName} as Graph does. */
    void allowExpand(String typeName, String... allowed) {
        if (expand == null) {
            return;
        }
        for (String e : expand) {
            if (!List.of(allowed).stream().anyMatch(a -> a.equalsIgnoreCase(e))) {
                throw GraphException.badRequest("Could not find a navigation property named '" + e + "' on type '"
                        + typeName + "'.");
            }
        }
    }

    /** The opaque {@code $skiptoken} of the page that starts at {@code position}. */
    static String skipToken(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((SKIPTOKEN_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int skip(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(SKIPTOKEN_PREFIX)) {
                int position = Integer.parseInt(raw.substring(SKIPTOKEN_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the 400 below.
        }
        throw GraphException.badRequest("The $skiptoken '" + token + "' is not valid: follow @odata.nextLink as given.");
    }

    private static Integer top(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw GraphException.badRequest("Invalid value '" + text + "' for the query option '$top': an integer is expected.");
        }
    }

    private static List<String> expand(String text) {
        if (text != null && text.indexOf('(') >= 0) {
            throw GraphException.badRequest("The sandbox does not support nested query options in $expand ('" + text + "').");
        }
        return list(text);
    }

    private static List<String> list(String text) {
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw GraphException.badRequest("Syntax error: an empty item in the list '" + text + "'.");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }
}
