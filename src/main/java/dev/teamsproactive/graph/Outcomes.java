package dev.teamsproactive.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.observe.FailureLog;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.resilience.BreakerExceptions;
import dev.teamsproactive.resilience.Failures;
import dev.teamsproactive.resilience.TransientFailures;
import dev.teamsproactive.resilience.UnansweredSends;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets a recipient's outcome (status, code, detail) on the exchange, for the record route to write. */
public final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The code of a recipient whose Bot Connector POST got no answer. */
    public static final String NO_ANSWER = "NoAnswer";
    private final UnansweredSends unansweredSends;

    public Outcomes(UnansweredSends unansweredSends) {
        this.unansweredSends = unansweredSends;
    }

    /**
     * The outcome of a recipient whose failure the error policy retries no more (routes/error-policy, recipient-failed),
     * by what failed, as the error policy's rules tell them apart: a POST that got no answer is IN_DOUBT; an id of the
     * wrong shape in Graph's answer is InvalidGraphAnswer; a call refused, unreachable, without a token or behind an
     * open breaker carries the call's own outcome; anything else is a fault of our own.
     */
    public void ofFailure(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (exchange.getProperty(Props.FAILED_IN_ROUTE) == null) {
            // This runs in recipient-failed: the failure is told under the route it happened in.
            String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
            exchange.setProperty(Props.FAILED_IN_ROUTE,
                    BreakerExceptions.stepOf(exchange, routeId == null ? null : exchange.getContext().getRoute(routeId)));
        }
        if (unansweredSends.isUnanswered(exchange)) {
            unanswered(exchange);
        } else if (Failures.isOrWraps(caught, InvalidGraphAnswerException.class)) {
            invalidGraphAnswer(exchange);
        } else if (Failures.isOrWraps(caught, HttpOperationFailedException.class)
                || Failures.isOrWraps(caught, CallNotPermittedException.class) || TransientFailures.isTransient(exchange)) {
            failedCall(exchange);
        } else {
            failedInternally(exchange);
        }
    }

    public void sent(Exchange exchange) {
        String activityId = null;
        try {
            JsonNode body = JSON.readTree(exchange.getIn().getBody(String.class));
            activityId = body.path("id").asText(null);
        } catch (Exception unreadable) {
            // A 2xx without the documented {"id"} still delivered the message.
        }
        // The activity id goes into update and recall URLs later: one of another shape is not kept.
        if (!GraphAnswers.isActivityId(activityId)) {
            activityId = null;
        }
        exchange.setProperty(Props.ACTIVITY_ID, activityId);
        set(exchange, DeliveryStatus.SENT, null, null);
    }

    public void invalidRecipient(Exchange exchange) {
        set(exchange, DeliveryStatus.FAILED, "InvalidRecipient", exchange.getProperty(Props.KEY_PROBLEM, String.class));
    }

    public void userNotFound(Exchange exchange) {
        set(exchange, DeliveryStatus.FAILED, "UserNotFound", "No user in the tenant has "
                + exchange.getProperty(Props.KEY_VALUE, String.class)
                + " as user principal name, mail address or proxy address");
    }

    /** An id in Graph's answer had the wrong shape ({@link GraphAnswers}): nothing more was asked or sent. */
    public void invalidGraphAnswer(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        set(exchange, DeliveryStatus.FAILED, GraphAnswers.CODE, (caught == null ? "Graph's answer held an id of the wrong shape"
                : caught.getMessage()) + "; it was not used, nothing was sent");
    }

    public void installationMissing(Exchange exchange) {
        set(exchange, DeliveryStatus.FAILED, "InstallationNotFound",
                "The app was installed but Graph lists no installation of it for this user");
    }

    public void chatNotFound(Exchange exchange) {
        set(exchange, DeliveryStatus.FAILED, "ChatNotFound",
                "The app is installed but its chat with the user did not appear in time");
    }

    /** An HTTP call failed for good: the service's error code (or the status) and message become the outcome. */
    public void failedCall(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof HttpOperationFailedException http) {
            ServiceError error = ServiceError.of(http);
            exchange.setProperty(Props.FAILED_METHOD, exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class));
            exchange.setProperty(Props.FAILED_HTTP_STATUS, http.getStatusCode());
            exchange.setProperty(Props.FAILED_REQUEST_ID, error.requestId());
            set(exchange, DeliveryStatus.FAILED, error.code(), error.detail());
        } else {
            String code = caught instanceof dev.teamsproactive.auth.TokenUnavailableException ? "TokenUnavailable"
                    : caught instanceof CallNotPermittedException ? "ServiceDown"
                    : "ConnectionFailed";
            exchange.setProperty(Props.FAILED_REASON, caught == null ? null : caught.getClass().getSimpleName());
            set(exchange, DeliveryStatus.FAILED, code, caught == null ? null : caught.getMessage());
        }
    }

    /**
     * The Bot Connector POST went out but no answer came back ({@link UnansweredSends}): the message may have arrived,
     * so the recipient is IN_DOUBT and not posted again unless asked ({@code resend CAMPAIGN --status IN_DOUBT}).
     */
    public void unanswered(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = caught == null ? "no answer" : caught.getClass().getSimpleName()
                + (caught.getMessage() == null ? "" : ": " + caught.getMessage());
        exchange.setProperty(Props.FAILED_METHOD, "POST");
        exchange.setProperty(Props.FAILED_REASON, caught == null ? null : caught.getClass().getSimpleName());
        set(exchange, DeliveryStatus.IN_DOUBT, NO_ANSWER, "The message was posted but no answer came back (" + reason
                + "); it may have arrived. Not sent again unless asked (resend --status IN_DOUBT).");
    }

    /** Something of our own failed: the recipient is FAILED with InternalError; the campaign goes on. */
    public void failedInternally(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("Recipient failed on an internal error: campaign={} line={}", exchange.getProperty(Props.CAMPAIGN_ID),
                exchange.getProperty(Props.LINE), caught);
        set(exchange, DeliveryStatus.FAILED, "InternalError", caught == null ? null : caught.toString());
    }

    public static void set(Exchange exchange, DeliveryStatus status, String code, String detail) {
        exchange.setProperty(Props.STATUS, status.name());
        exchange.setProperty(Props.CODE, code);
        exchange.setProperty(Props.DETAIL, detail);
        if (status == DeliveryStatus.FAILED || status == DeliveryStatus.IN_DOUBT) {
            FailureLog.log(exchange);
        }
    }

    /** The error code, message and request-id of a Graph or Bot Connector error answer. */
    record ServiceError(String code, String detail, String requestId) {
        static ServiceError of(HttpOperationFailedException e) {
            String code = Integer.toString(e.getStatusCode());
            String message = e.getStatusText();
            String requestId = header(e.getResponseHeaders(), "request-id");
            try {
                JsonNode error = JSON.readTree(e.getResponseBody()).path("error");
                if (error.path("code").isTextual() && !error.path("code").asText().isBlank()) {
                    code = error.path("code").asText();
                }
                if (error.path("message").isTextual()) {
                    message = error.path("message").asText();
                }
                if (requestId == null && error.path("innerError").path("request-id").isTextual()) {
                    requestId = error.path("innerError").path("request-id").asText();
                }
            } catch (Exception notJson) {
                // The status code alone is the outcome's code.
            }
            String detail = e.getStatusCode() + " " + message + (requestId != null ? " (request-id " + requestId + ")" : "");
            return new ServiceError(code, detail, requestId);
        }

        private static String header(Map<String, String> headers, String name) {
            if (headers == null) {
                return null;
            }
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }
}
