package dev.teamsproactive.observe;

import dev.teamsproactive.input.LogText;
import dev.teamsproactive.props.Props;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line per recipient that ends FAILED or IN_DOUBT, as key=value pairs (values with spaces or quotes
 * are quoted), for log search and alerting:
 * <pre>Recipient failed: campaign=recipients-1a2b line=7 recipient=bob@contoso.example userId=… status=FAILED
 *   step=bot-send method=POST httpStatus=403 code=ConversationBlockedByUser
 *   requestId=9f… attempts=1</pre>
 * Built only from the exchange's properties and the error answer's status, code and request-id: never a
 * header, a token or a message body.
 */
public final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.teamsproactive.RecipientFailed");

    private FailureLog() {
    }

    public static void log(Exchange exchange) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        StringBuilder line = new StringBuilder("Recipient failed:");
        pair(line, "campaign", exchange.getProperty(Props.CAMPAIGN_ID));
        pair(line, "line", exchange.getProperty(Props.LINE));
        pair(line, "recipient", exchange.getProperty(Props.RECIPIENT));
        pair(line, "userId", exchange.getProperty(Props.USER_ID));
        pair(line, "status", exchange.getProperty(Props.STATUS));
        String failedIn = exchange.getProperty(Props.FAILED_IN_ROUTE, String.class);
        pair(line, "step", failedIn != null ? failedIn : dev.teamsproactive.resilience.BreakerExceptions.stepOf(exchange, route));
        pair(line, "method", exchange.getProperty(Props.FAILED_METHOD));
        pair(line, "httpStatus", exchange.getProperty(Props.FAILED_HTTP_STATUS));
        pair(line, "code", exchange.getProperty(Props.CODE));
        pair(line, "requestId", exchange.getProperty(Props.FAILED_REQUEST_ID));
        pair(line, "reason", exchange.getProperty(Props.FAILED_REASON));
        pair(line, "attempts", exchange.getProperty(Props.ATTEMPTS));
        LOG.warn(line.toString());
    }

    private static void pair(StringBuilder line, String key, Object value) {
        if (value == null) {
            return;
        }
        String raw = value.toString();
        line.append(' ').append(key).append('=');
        if (raw.isEmpty() || raw.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '=' || ch == '\\')
                || !LogText.escape(raw).equals(raw)) {
            // Backslashes first, so the escapes LogText adds (a newline as backslash-n) stay readable as escapes.
            line.append('"').append(LogText.escape(raw.replace("\\", "\\\\").replace("\"", "\\\""))).append('"');
        } else {
            line.append(raw);
        }
    }
}
