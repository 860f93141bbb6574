package dev.teamsproactive.props;

/** Names of the exchange properties the routes and beans share; the YAML routes spell the same names. */
public final class Props {
    // The campaign
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN_FILE = "campaignFile";
    public static final String SOURCE = "source";
    public static final String TEMPLATE = "template";
    public static final String TOTAL = "total";
    // Crash safety: the run lease this exchange's run holds; a resend's request and how many rows it reopened
    public static final String RUN_LEASE = "runLease";
    public static final String RESEND = "resend";
    public static final String RESENT = "resent";
    // Pacing: the bucket of the call this exchange last took a permit for (a 429's Retry-After pauses that bucket)
    public static final String PACING_BUCKET = "pacingBucket";
    // One recipient row
    public static final String LINE = "line";
    public static final String RECIPIENT = "recipient";
    public static final String VARIABLES = "variables";
    public static final String KEY_KIND = "keyKind";
    public static final String KEY_VALUE = "keyValue";
    public static final String KEY_PATH = "keyPath";
    public static final String KEY_LITERAL = "keyLiteral";
    public static final String KEY_PROBLEM = "keyProblem";
    public static final String ROW_DONE = "rowDone";
    /** The lookup under way for a recipient named by an address: upn, mail or proxyAddress. */
    public static final String LOOKUP_BY = "lookupBy";
    /** How the recipient was matched: id, upn, mail or proxyAddress (the report's resolvedBy). */
    public static final String RESOLVED_BY = "resolvedBy";
    // What Graph and the Bot Connector told us
    public static final String USER_ID = "userId";
    public static final String INSTALLATION_ID = "installationId";
    public static final String CHAT_ID = "chatId";
    /** True while the chat in use came from the conversation cache (it may be stale). */
    public static final String CHAT_FROM_CACHE = "chatFromCache";
    /** Set when bot-send found the cached chat stale; bot-send then repairs it once. */
    public static final String STALE_CHAT = "staleChat";
    public static final String SERVICE_URL = "serviceUrl";
    public static final String ACTIVITY_ID = "activityId";
    public static final String ATTEMPTS = "attempts";
    // The outcome
    public static final String STATUS = "status";
    public static final String CODE = "code";
    public static final String DETAIL = "detail";
    // Why a recipient failed, for the failure log: the failed HTTP call's method, HTTP status and the answer's
    // request-id (the step, the route, names the call; the exception's URI is not used, Camel masks parts of it)
    public static final String FAILED_METHOD = "failedMethod";
    public static final String FAILED_HTTP_STATUS = "failedHttpStatus";
    public static final String FAILED_REQUEST_ID = "failedRequestId";
    /** Set when no answer came: the exception's simple name (SocketTimeoutException, TokenUnavailableException …). */
    public static final String FAILED_REASON = "failedReason";
    /**
     * The route whose circuitBreaker step failed. Camel hands such a failure to the calling route's error handler,
     * so the unit of work's current route is that caller by the time the failure is logged.
     */
    public static final String FAILED_IN_ROUTE = "failedInRoute";
    /** The route whose {@code to: kamelet:} step is running: a call failing inside the kamelet is logged under it. */
    public static final String CALLING_ROUTE = "callingRoute";
    // Preflight
    /** More features a campaign needs (a {@code Collection<Feature>} or comma-separated names). */
    public static final String NEEDED_FEATURES = "neededFeatures";
    /**
     * Set at {@code run}'s start and by {@code send}, where a token endpoint that cannot be reached stops at once;
     * a campaign of the running service retries instead.
     */
    public static final String PREFLIGHT_AT_START = "preflightAtStart";
    /** Marks the preflight {@code send} starts ahead, so that it does not wait for itself. */
    public static final String PREFLIGHT_AHEAD = "preflightAhead";
    /** The application permissions the token carries, as preflight found them. */
    public static final String PREFLIGHT_ROLES = "preflightRoles";
    /** The schedule whose firing started the campaign. */
    public static final String SCHEDULE = "schedule";

    private Props() {
    }
}
