package dev.teamsproactive.sandbox.bot;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.auth.Caller;
import dev.teamsproactive.sandbox.http.Api;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.http.Service;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code DELETE /v3/conversations/{conversationId}/activities/{activityId}}: recalls a message the bot sent (it
 * leaves {@code /_sandbox/deliveries}); {@code 200} with no body.
 */
public final class DeleteActivityEndpoint implements Api.Endpoint {
    private final Api api;
    private final Tenant tenant;
    private final ConversationResolver conversations;

    public DeleteActivityEndpoint(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
        this.conversations = new ConversationResolver(tenant);
    }

    @Override
    public void handle(RoutingContext ctx, Caller caller) {
        String conversationId = ctx.pathParam("conversationId");
        String activityId = ctx.pathParam("activityId");
        if (!api.admit(ctx, Service.BOT_CONNECTOR, BotLimits.forConversation(caller, tenant.tenantId(), conversationId))) {
            return;
        }
        Outcome<Conversation> conversation = conversations.resolve(conversationId);
        if (conversation.refused()) {
            conversation.error().send(ctx);
            return;
        }
        if (!tenant.deliveries().remove(conversation.value().id(), activityId)) {
            BotError.activityNotFound(activityId).send(ctx);
            return;
        }
        Responses.empty(ctx, 200);
    }
}
