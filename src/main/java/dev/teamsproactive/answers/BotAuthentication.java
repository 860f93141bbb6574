package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of the messaging endpoint: the request's bearer token must pass {@link ChannelTokenValidator}.
 * The Authorization header is removed whatever the outcome, so no later step, log or trace can print the token;
 * the body is parsed to read its serviceUrl and is left parsed (a JSON tree) for the next steps.
 */
public final class BotAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(BotAuthentication.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChannelTokenValidator validator;

    public BotAuthentication(ChannelTokenValidator validator) {
        this.validator = validator;
    }

    public void check(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeader("Authorization");
        String bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        JsonNode activity;
        try {
            activity = JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            activity = null;
        }
        String serviceUrl = activity != null && activity.path("serviceUrl").isTextual() ? activity.get("serviceUrl").asText() : null;
        try {
            validator.validate(bearer, serviceUrl);
        } catch (UnauthenticatedActivityException e) {
            // Why it failed, never the token itself.
            LOG.debug("Refused a request to the messaging endpoint: {}", e.getMessage());
            throw e;
        }
        if (activity == null || !activity.isObject()) {
            throw new IllegalArgumentException("the activity is not a JSON object");
        }
        exchange.getMessage().setBody(activity);
    }
}
