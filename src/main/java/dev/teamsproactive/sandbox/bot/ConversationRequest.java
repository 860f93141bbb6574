package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Tenant;
import java.util.Optional;

/**
 * A checked {@code POST /v3/conversations} body ({@code ConversationParameters}) for a 1:1 chat:
 * {@code {"bot":{"id":"28:<botAppId>"},"members":[{"id":"29:…"}],"channelData":{"tenant":{"id":…}},"isGroup":false}}.
 *
 * @param member   the one member to talk to
 * @param activity the optional first message to send in it; null when absent
 */
public record ConversationRequest(JsonNode member, JsonNode activity) {
    static final String BOT_PREFIX = "28:";

    /** The request, or the 400 BadArgument (403 for another tenant) it earns. */
    public static Outcome<ConversationRequest> parse(String body, Tenant tenant) {
        Outcome<JsonNode> json = RequestBody.json(body);
        if (json.refused()) {
            return Outcome.refused(json.error());
        }
        JsonNode p = json.value();
        Optional<String> problem = ShapeCheck.problem(p, BotSchema.CONVERSATION_PARAMETERS, "parameters");
        if (problem.isPresent()) {
            return Outcome.refused(BotError.badArgument(problem.get()));
        }
        // Assumption: Teams lets a bot create only 1:1 chats (it cannot start group chats), so one member, no group.
        if (p.path("isGroup").asBoolean(false)) {
            return Outcome.refused(BotError.badArgument("A bot can only create 1:1 conversations in Teams: isGroup must be false."));
        }
        JsonNode members = p.get("members");
        if (members.size() != 1 || members.get(0) == null || members.get(0).isNull()) {
            return Outcome.refused(BotError.badArgument("parameters.members must hold exactly one member for a 1:1 conversation, not "
                    + members.size()));
        }
        String botId = p.path("bot").path("id").asText("");
        String expectedBot = BOT_PREFIX + tenant.app().botAppId();
        if (!botId.isEmpty() && !botId.equalsIgnoreCase(expectedBot) && !botId.equalsIgnoreCase(tenant.app().botAppId())) {
            return Outcome.refused(BotError.badArgument("parameters.bot.id '" + botId + "' is not this bot (" + expectedBot + ")."));
        }
        Optional<BotError> tenantProblem = tenantProblem(p, tenant);
        if (tenantProblem.isPresent()) {
            return Outcome.refused(tenantProblem.get());
        }
        JsonNode activity = p.get("activity");
        if (activity != null && !activity.isNull()) {
            Optional<String> activityProblem = ActivityValidator.problem(activity);
            if (activityProblem.isPresent()) {
                return Outcome.refused(BotError.badArgument(activityProblem.get()));
            }
        }
        return Outcome.of(new ConversationRequest(members.get(0), activity == null || activity.isNull() ? null : activity));
    }

    /** Teams needs the tenant, in {@code channelData.tenant.id} (what the docs show) or {@code tenantId}. */
    private static Optional<BotError> tenantProblem(JsonNode p, Tenant tenant) {
        String named = p.path("channelData").path("tenant").path("id").asText("");
        if (named.isEmpty()) {
            named = p.path("tenantId").asText("");
        }
        if (named.isEmpty()) {
            return Optional.of(BotError.badArgument("The tenant is required: parameters.channelData.tenant.id."));
        }
        if (!named.equalsIgnoreCase(tenant.tenantId())) {
            return Optional.of(new BotError(403, "ForbiddenOperationException",
                    "The bot is not installed in tenant " + named + "."));
        }
        return Optional.empty();
    }

    /** A stable name for the member, to count the request against before the member is known to exist. */
    public String memberKey() {
        return "member:" + member.path("id").asText(member.path("aadObjectId").asText(""));
    }
}
