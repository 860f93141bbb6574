package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.core.http.HttpMethod;

/**
 * The Teams Bot Connector v3 (teams-platform-facts.md sections 1-3): create a 1:1 conversation, send, update and
 * delete activities. {@link Api} checks the Bot Connector token (401 otherwise) before any of these runs.
 */
public final class BotConnectorApi {
    private final Tenant tenant;

    public BotConnectorApi(Tenant tenant) {
        this.tenant = tenant;
    }

    public void register(Api api) {
        api.on(HttpMethod.POST, "/v3/conversations", Service.BOT_CONNECTOR, new CreateConversationEndpoint(api, tenant));
        api.on(HttpMethod.POST, "/v3/conversations/:conversationId/activities", Service.BOT_CONNECTOR,
                new SendActivityEndpoint(api, tenant));
        api.on(HttpMethod.PUT, "/v3/conversations/:conversationId/activities/:activityId", Service.BOT_CONNECTOR,
                new UpdateActivityEndpoint(api, tenant));
        api.on(HttpMethod.DELETE, "/v3/conversations/:conversationId/activities/:activityId", Service.BOT_CONNECTOR,
                new DeleteActivityEndpoint(api, tenant));
    }
}
