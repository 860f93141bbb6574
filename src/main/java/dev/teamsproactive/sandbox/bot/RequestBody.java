package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.http.Responses;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads a Bot Connector request's JSON body: 400 BadArgument when it is missing or not JSON. */
public final class RequestBody {
    private RequestBody() {
    }

    public static String text(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    }

    public static Outcome<JsonNode> json(String text) {
        if (text.isBlank()) {
            return Outcome.refused(BotError.badArgument("The request body is empty; a JSON object is required."));
        }
        try {
            return Outcome.of(Responses.JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return Outcome.refused(BotError.badArgument("The request body is not valid JSON: "
                    + e.getOriginalMessage()));
        }
    }

    /** An activity to send or update: under the size ceiling (413), JSON (400), and valid (400). */
    public static Outcome<JsonNode> activity(RoutingContext ctx) {
        String text = text(ctx);
        if (ActivitySize.tooBig(text)) {
            return Outcome.refused(BotError.tooBig(ActivitySize.utf16Bytes(text)));
        }
        Outcome<JsonNode> json = json(text);
        if (json.refused()) {
            return json;
        }
        Optional<String> problem = ActivityValidator.problem(json.value());
        return problem.isPresent() ? Outcome.refused(BotError.badArgument(problem.get())) : json;
    }
}
