package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RequestBody;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code POST …/installedApps}: {@code {"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}}
 * (optionally a {@code consentedPermissionSet}). Any host is accepted in the bind URL, the sandbox's own
 * included; a malformed body is Graph's 400.
 */
final class InstallRequest {
    private static final String BIND = "teamsApp@odata.bind";
    private static final Pattern CATALOG_URL = Pattern.compile("(?:.*/)?appCatalogs/teamsApps/([^/?#]+)");

    private InstallRequest() {
    }

    /** The catalog id the body binds to. */
    static String catalogId(RequestBody body, String typeName) {
        String text = body == null ? null : body.asString();
        if (text == null || text.isBlank()) {
            throw GraphException.badRequest("Empty Payload. JSON content expected.");
        }
        JsonNode json;
        try {
            json = Responses.JSON.readTree(text);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals(BIND) && !name.equals("consentedPermissionSet") && !name.startsWith("@odata.")) {
                throw GraphException.badRequest("The property '" + name + "' does not exist on type '" + typeName
                        + "'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
        }
        JsonNode bind = json.get(BIND);
        if (bind == null || !bind.isTextual()) {
            throw GraphException.badRequest("The request body must bind the app to install with '" + BIND + "'.");
        }
        Matcher m = CATALOG_URL.matcher(bind.asText().trim());
        if (!m.matches()) {
            throw GraphException.badRequest("Invalid " + BIND + " value '" + bind.asText()
                    + "': expected https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.");
        }
        return m.group(1);
    }
}
