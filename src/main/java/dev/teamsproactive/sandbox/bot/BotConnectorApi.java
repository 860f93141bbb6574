package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The Teams Bot Connector v3: create a 1:1 conversation, send (or reply),
 * update and delete activities. {@link Api} checks the Bot Connector token (401 otherwise) before any of these runs.
 */
public final class BotConnectorApi {
    /** One swagger operation the sandbox serves; {@code path} is written as in the swagger. */
    public record Operation(HttpMethod method, String path, BiFunction<Api, Tenant, Api.Endpoint> endpoint) {
    }

    public static final String CONVERSATIONS = "/v3/conversations";
    public static final String ACTIVITIES = "/v3/conversations/{conversationId}/activities";
    public static final String ACTIVITY = "/v3/conversations/{conversationId}/activities/{activityId}";

    public static final List<Operation> OPERATIONS = List.of(
            new Operation(HttpMethod.POST, CONVERSATIONS, CreateConversationEndpoint::new),
            new Operation(HttpMethod.POST, ACTIVITIES, SendActivityEndpoint::new),
            // A reply goes to the same conversation as a send (Teams threads it when the id names a channel thread).
            new Operation(HttpMethod.POST, ACTIVITY, SendActivityEndpoint::new),
            new Operation(HttpMethod.PUT, ACTIVITY, UpdateActivityEndpoint::new),
            new Operation(HttpMethod.DELETE, ACTIVITY, DeleteActivityEndpoint::new));

    private final Tenant tenant;

    public BotConnectorApi(Tenant tenant) {
        this.tenant = tenant;
    }

    public void register(Api api) {
        for (Operation op : OPERATIONS) {
            api.on(op.method(), op.path().replaceAll("\\{([A-Za-z]+)}", ":$1"), Service.BOT_CONNECTOR,
                    op.endpoint().apply(api, tenant));
        }
    }
}
