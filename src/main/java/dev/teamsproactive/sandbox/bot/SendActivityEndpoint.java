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
 * {@code POST /v3/conversations/{conversationId}/activities}: posts a message to a user's personal chat or a
 * team's channel and answers {@code 201 ResourceResponse {"id":"<activity id>"}}.
 */
public final class SendActivityEndpoint implements Api.Endpoint {
    private final Api api;
    private final Tenant tenant;
    private final ConversationResolver conversations;
    private final ActivityDelivery delivery;

    public SendActivityEndpoint(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
        this.conversations = new ConversationResolver(tenant);
        this.delivery = new ActivityDelivery(tenant);
    }

    @Override
    public void handle(RoutingContext ctx, Caller caller) {
        String conversationId = ctx.pathParam("conversationId");
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
        String activityId = delivery.deliver(conversation.value(), activity.value());
        if (delivery.answerLost(conversation.value())) {
            // Delivered, but the answer is lost: the request log records status 0 (see Sandbox.record).
            ctx.request().connection().close();
            return;
        }
        Responses.json(ctx, 201, Map.of("id", activityId));
    }
}
