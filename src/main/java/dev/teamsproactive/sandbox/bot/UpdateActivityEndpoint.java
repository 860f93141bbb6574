package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code PUT /v3/conversations/{conversationId}/activities/{activityId}}: replaces the text, summary and attachments
 * of a message the bot sent; {@code 200 ResourceResponse {"id"}}.
 */
public final class UpdateActivityEndpoint implements Api.Endpoint {
    private final Api api;
    private final Tenant tenant;
    private final ConversationResolver conversations;
    private final ActivityDelivery delivery;

    public UpdateActivityEndpoint(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
        this.conversations = new ConversationResolver(tenant);
        this.delivery = new ActivityDelivery(tenant);
    }

    @Override
    public void handle(RoutingContext ctx, Caller caller) {
        String conversationId = ctx.pathParam("conversationId");
        String activityId = ctx.pathParam("activityId");
        if (!api.admit(ctx, Service.BOT_CONNECTOR, BotLimits.forConversation(caller, tenant.tenantId(), conversationId))) {
            return;
        }
        Outcome<JsonNode> activity = RequestBody.activity(ctx);
        if (activity.refused()) {
            activity.error().send(ctx);
            return;
        }
        Outcome<Conversation> conversation = conversations.resolve(conversationId);
        if (conversation.refused()) {
            conversation.error().send(ctx);
            return;
        }
        if (!delivery.update(conversation.value(), activityId, activity.value())) {
            BotError.activityNotFound(activityId).send(ctx);
            return;
        }
        Responses.json(ctx, 200, Map.of("id", activityId));
    }
}
