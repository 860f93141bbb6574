package dev.teamsproactive.sandbox.graph;

import dev.teamsproactive.sandbox.Tenant;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Installations.Installation;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /v1.0/users/{id}/teamwork/installedApps/{installationId}/chat}: the 1:1 chat between the user
 * and the bot, whose id is the Bot Connector conversation id. For a user with the slowChat behaviour it
 * answers 404 for a while after the install, as a chat that Teams has not provisioned yet (the sandbox's
 * model of the slowChat behaviour).
 */
final class ChatEndpoint {
    private final GraphCharges charges;
    private final Instant seedCreated;

    /** @param seedCreated the creation time of chats the seed preinstalled */
    ChatEndpoint(GraphCharges charges, Instant seedCreated) {
        this.charges = charges;
        this.seedCreated = seedCreated;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, "/v1.0/users/:id/teamwork/installedApps/:installationId/chat", this::chat);
    }

    private void chat(GraphCall call) {
        Tenant tenant = call.tenant();
        String idOrUpn = call.param("id");
        Optional<DirectoryUser> known = tenant.directory().userByIdOrUpn(idOrUpn);
        String userId = known.map(DirectoryUser::id).orElse(idOrUpn);
        String chatId = tenant.installations().chatIdOf(userId);
        if (!call.admit(charges.chatLookup(chatId, userId, call.caller().appId()))) {
            return;
        }
        call.require(GraphPermission.USER_APPS_READ);
        DirectoryUser user = Lookups.teamworkUser(call, idOrUpn);
        Installation installation = Lookups.installation(tenant.installations().forUser(user.id()),
                call.param("installationId"));
        if (!tenant.chatReady(user, installation)) {
            throw GraphException.notFound("The chat of app installation '" + installation.id() + "' was not found.");
        }
        Instant created = Instant.ofEpochMilli(Math.max(installation.installedAtMillis(), seedCreated.toEpochMilli()));
        call.ok(ChatShape.oneOnOne(call.context("chats/$entity"), chatId, tenant.tenantId(), created));
    }
}
