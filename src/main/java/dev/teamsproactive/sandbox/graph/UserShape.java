package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code microsoft.graph.user} as Graph writes it. Without {@code $select} Graph returns its default set
 * (businessPhones … id); the others here come only when selected. The seed has no job titles, phones and
 * so on: those are null, as for a real user who has none.
 */
final class UserShape {
    static final String TYPE = "microsoft.graph.user";
    static final List<String> DEFAULTS = List.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");
    /** Every property the sandbox can answer; all are user properties in the CSDL. */
    static final List<String> PROPERTIES = List.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id",
            "accountEnabled", "userType", "department", "companyName", "usageLocation", "proxyAddresses");
    /** For {@code $filter}: lower-case name to canonical name. */
    static final Map<String, String> FILTERABLE = index(PROPERTIES);

    private UserShape() {
    }

    static ObjectNode full(DirectoryUser u) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.putArray("businessPhones");
        n.put("displayName", u.displayName());
        n.putNull("givenName");
        n.putNull("jobTitle");
        n.put("mail", u.mail());
        n.putNull("mobilePhone");
        n.putNull("officeLocation");
        n.putNull("preferredLanguage");
        n.putNull("surname");
        n.put("userPrincipalName", u.userPrincipalName());
        n.put("id", u.id());
        n.put("accountEnabled", u.accountEnabled());
        n.put("userType", u.userType());
        n.putNull("department");
        n.putNull("companyName");
        n.putNull("usageLocation");
        u.proxyAddresses().forEach(n.putArray("proxyAddresses")::add);
        return n;
    }

    /** One property by canonical name, for {@code $filter} (no JSON built while scanning the directory). */
    static Object property(DirectoryUser u, String name) {
        return switch (name) {
            case "id" -> u.id();
            case "userPrincipalName" -> u.userPrincipalName();
            case "mail" -> u.mail();
            case "displayName" -> u.displayName();
            case "accountEnabled" -> u.accountEnabled();
            case "userType" -> u.userType();
            case "proxyAddresses" -> u.proxyAddresses();
            default -> null;
        };
    }

    static Map<String, String> index(List<String> names) {
        Map<String, String> out = new HashMap<>();
        names.forEach(n -> out.put(n.toLowerCase(Locale.ROOT), n));
        return Map.copyOf(out);
    }
}
