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

    private Props() {
    }
}
