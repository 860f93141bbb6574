package dev.teamsproactive.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.props.Props;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The ids Graph answers, checked before any of them goes into the next URL. Why: an answer can be replaced on
 * its way (a proxy) or be wrong, and an id is put into a path ({@code /users/{id}/teamwork/installedApps}):
 * {@code ../../x} would address another resource, and text such as {@code {{env:…}}} must never reach a place
 * where Camel resolves property placeholders. So each id must have its documented shape (an object id is a
 * GUID; an installation id is base64; a chat or channel id is {@code 19:…@unq.gbl.spaces} or
 * {@code 19:…@thread.…}), and is percent-encoded when it is put into a path all the same. An id of another shape
 * fails the recipient with {@link #CODE} and is never quoted (it may carry anything).
 */
public final class GraphAnswers {
    /** The code of a recipient whose Graph answer held an id of the wrong shape. */
    public static final String CODE = "InvalidGraphAnswer";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Graph's installation ids are base64 (standard or URL alphabet). */
    private static final Pattern INSTALLATION_ID = Pattern.compile("[A-Za-z0-9+/_-]{1,500}={0,2}");
    /** A 1:1 chat ({@code @unq.gbl.spaces}), a group chat or meeting ({@code @thread.v2}) or a channel. */
    private static final Pattern CHAT_ID = Pattern.compile(
            "19:[A-Za-z0-9_.=+-]{1,400}@(unq\\.gbl\\.spaces|thread\\.v2|thread\\.tacv2|thread\\.skype)");
    /** An organisation app's catalog id is a GUID; a store app's is its manifest id. Neither holds quotes or spaces. */
    private static final Pattern CATALOG_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** The Bot Connector's activity ids: {@code 1:1abc…}, {@code 0:…} or a number of milliseconds. */
    private static final Pattern ACTIVITY_ID = Pattern.compile("[A-Za-z0-9:._=+-]{1,256}");

    /**
     * After a user lookup ({@link Props#LOOKUP_BY} {@code upn}, {@code mail} or {@code proxyAddress}): the user
     * found becomes {@link Props#USER_ID} and the lookup {@link Props#RESOLVED_BY}; none found leaves both unset.
     */
    public void userFound(Exchange exchange) throws IOException {
        Integer status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status != 200) {
            return;
        }
        JsonNode answer = JSON.readTree(exchange.getIn().getBody(String.class));
        // GET /users/{upn} answers the user; GET /users?$filter=… a collection of them.
        JsonNode user = answer.has("value") ? answer.path("value").path(0) : answer;
        if (user.isMissingNode()) {
            return;
        }
        exchange.setProperty(Props.USER_ID, userId(user.path("id").asText(null)));
        exchange.setProperty(Props.RESOLVED_BY, exchange.getProperty(Props.LOOKUP_BY, String.class));
    }

    /** The app's catalog id (the global variable catalogId) when it is set, checked. */
    public void checkCatalogId(Exchange exchange) {
        Object id = exchange.getVariable("global:catalogId");
        if (id != null && !CATALOG_ID.matcher(id.toString()).matches()) {
            exchange.removeVariable("global:catalogId");
            throw new InvalidGraphAnswerException("Graph answered an app catalog id that is not an id (a GUID, or a store"
                    + " app's manifest id)");
        }
    }

    /** {@link Props#INSTALLATION_ID} when it is set, checked. */
    public void checkInstallationId(Exchange exchange) {
        String id = exchange.getProperty(Props.INSTALLATION_ID, String.class);
        if (id != null && !INSTALLATION_ID.matcher(id).matches()) {
            exchange.removeProperty(Props.INSTALLATION_ID);
            throw new InvalidGraphAnswerException("Graph answered an installation id that is not base64");
        }
    }

    /** {@link Props#CHAT_ID} when it is set, checked (a personal chat or a channel). */
    public void checkChatId(Exchange exchange) {
        String id = exchange.getProperty(Props.CHAT_ID, String.class);
        if (id != null && !isChatId(id)) {
            // Not kept: it would reach the report as the conversation id.
            exchange.removeProperty(Props.CHAT_ID);
            throw new InvalidGraphAnswerException("Graph answered a chat id that is not shaped 19:…@unq.gbl.spaces"
                    + " or 19:…@thread.…");
        }
    }

    /** A user id from Graph, lower-cased so the same user always has the same key. */
    static String userId(String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            throw new InvalidGraphAnswerException("Graph answered a user id that is not an object id (a GUID)");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    public static boolean isChatId(String id) {
        return id != null && CHAT_ID.matcher(id).matches();
    }

    public static boolean isActivityId(String id) {
        return id != null && ACTIVITY_ID.matcher(id).matches();
    }
}
