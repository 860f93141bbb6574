package dev.teamsproactive.app;

import dev.teamsproactive.auth.TokenProvider;
import dev.teamsproactive.auth.Tokens;
import dev.teamsproactive.campaigns.Campaigns;
import dev.teamsproactive.cluster.ClusterApi;
import dev.teamsproactive.cluster.ClusterSettings;
import dev.teamsproactive.cluster.ClusteredSchedules;
import dev.teamsproactive.cluster.InboxLocks;
import dev.teamsproactive.cluster.FiringsToResume;
import dev.teamsproactive.cluster.LocalPacing;
import dev.teamsproactive.cluster.Members;
import dev.teamsproactive.cluster.PacingBuckets;
import dev.teamsproactive.cluster.SharedPacing;
import dev.teamsproactive.config.Secrets;
import dev.teamsproactive.config.ServiceInfo;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import dev.teamsproactive.followups.FollowUps;
import dev.teamsproactive.graph.Outcomes;
import dev.teamsproactive.graph.RecipientSteps;
import dev.teamsproactive.graph.StaleChats;
import dev.teamsproactive.input.UrlText;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.message.MessageTemplates;
import dev.teamsproactive.message.Messages;
import dev.teamsproactive.preflight.Preflight;
import dev.teamsproactive.report.Recorder;
import dev.teamsproactive.report.Reports;
import dev.teamsproactive.resilience.BreakerExceptions;
import dev.teamsproactive.resilience.CircuitBreakers;
import dev.teamsproactive.resilience.RetryPolicy;
import dev.teamsproactive.resilience.ThrottleCounter;
import dev.teamsproactive.resilience.UnansweredSends;
import dev.teamsproactive.safety.GracefulStop;
import dev.teamsproactive.safety.Resends;
import dev.teamsproactive.safety.RunLeases;
import dev.teamsproactive.safety.SendGuard;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.main.Main;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** The beans the routes call, by the names the YAML uses, built from the settings and the target. */
public final class Wiring implements AutoCloseable {
    public static final String SANDBOX_TLS = "sandboxTls";

    private final Settings settings;
    private final Target target;
    private final Ledger ledger;
    private final Path inbox;
    private final Path reports;
    private final org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager httpConnections;
    private final GracefulStop stop;
    private final RunLeases runLeases;
    private final dev.teamsproactive.preflight.PreflightAhead preflightAhead = new dev.teamsproactive.preflight.PreflightAhead();
    // Cluster mode (teams.cluster.*): this instance's membership (null unless a member) and the pacing buckets.
    private final ClusterSettings cluster;
    private final Members members;
    private final PacingBuckets pacing;
    private final org.apache.camel.component.quartz.QuartzComponent clusteredQuartz;

    private Wiring(Settings settings, Target target, Ledger ledger, ClusterSettings cluster, Members members) {
        this.settings = settings;
        this.target = target;
        this.ledger = ledger;
        this.stop = new GracefulStop(ledger);
        this.runLeases = new RunLeases(ledger, Duration.ofSeconds(settings.getInt("teams.run-lease.seconds")));
        this.inbox = Path.of(settings.require("teams.inbox"));
        this.reports = Path.of(settings.require("teams.reports"));
        this.httpConnections = HttpConnections.create(target.trust(),
                settings.getInt("camel.component.https.max-total-connections"),
                settings.getInt("camel.component.https.connections-per-route"));
        this.cluster = cluster;
        this.members = members;
        this.pacing = cluster.enabled() ? new SharedPacing(ledger.dataSource(), Pacing.rates(settings))
                : new LocalPacing(Pacing.rates(settings));
        this.clusteredQuartz = members == null ? null : ClusteredSchedules.component(ledger.dataSource(), cluster);
    }

    /**
     * @param member whether this instance joins the cluster's members in cluster mode (the service, {@code run}); a
     *               one-off command beside it shares the pacing buckets only
     */
    public static Wiring create(Settings settings, Target target, ClusterSettings cluster, boolean member)
            throws java.io.IOException {
        Ledger ledger = Ledger.open(ServiceInfo.ledgerUrl(settings),
                settings.require("teams.ledger.user"), Secrets.read(settings, "teams.ledger.password").orElse(""));
        Members members = null;
        try {
            if (cluster.enabled() && member) {
                members = new Members(ledger.dataSource(), cluster, RunLeases.ownerPrefixOfThisProcess());
                members.join();
            }
            return new Wiring(settings, target, ledger, cluster, members);
        } catch (RuntimeException e) {
            if (members != null) {
                members.close();
            }
            ledger.close();
            throw e;
        }
    }

    /**
     * Every command's first campaign starts with preflight, which asks for both tokens: ask now, while Camel starts,
     * so the campaign finds them in the cache (msal4j's first request also loads and compiles much of it, a second
     * or so of a cold start). Graph's first, as preflight does: when it fails, the bot's is not asked for, and
     * preflight is handed that failure (no second request).
     */
    private static void fetchAhead(TokenProvider graph, TokenProvider bot) {
        Thread fetch = new Thread(() -> {
            if (graph.fetchAhead()) {
                bot.fetchAhead();
            }
        }, "token-fetch-ahead");
        fetch.setDaemon(true);
        fetch.start();
    }

    void bindTo(Main main) {
        Target.Credentials c = target.credentials();
        TokenProvider graphToken = TokenProviders.graph(target);
        TokenProvider botToken = TokenProviders.bot(target);
        fetchAhead(graphToken, botToken);
        // Transient faults: one circuit breaker per service, and the retry rules (teams.backoff.*, teams.breaker.*).
        CircuitBreakers breakers = new CircuitBreakers(name -> settings.getInt("teams.breaker." + name));
        main.bind(CircuitBreakers.GRAPH + "Breaker", breakers.graph());
        main.bind(CircuitBreakers.BOT_CONNECTOR + "Breaker", breakers.botConnector());
        main.bind(CircuitBreakers.TOKEN_ENDPOINT + "Breaker", breakers.tokenEndpoint());
        main.bind(CircuitBreakers.GRAPH, CircuitBreakers.configurationFor(CircuitBreakers.GRAPH + "Breaker"));
        main.bind(CircuitBreakers.BOT_CONNECTOR, CircuitBreakers.configurationFor(CircuitBreakers.BOT_CONNECTOR + "Breaker"));
        main.bind("breakerExceptions", new BreakerExceptions());
        main.bind("staleChats", new StaleChats(ledger, c.tenantId(), target.botServiceUrl()));
        ThrottleCounter throttles = new ThrottleCounter();
        RetryPolicy retryPolicy = new RetryPolicy(new RetryPolicy.Throttling(
                settings.getInt("teams.retry-after.first-delay-ms"), settings.getInt("teams.retry-after.max-ms"),
                settings.getInt("teams.retry-after.max-retries")), throttles,
                new RetryPolicy.Backoff(settings.getInt("teams.backoff.first-delay-ms"),
                        settings.getInt("teams.backoff.max-delay-ms"), settings.getInt("teams.backoff.max-retries")),
                new RetryPolicy.BreakerWait(settings.getInt("teams.breaker.wait-ms"),
                        settings.getInt("teams.breaker.max-wait-ms")));
        Tokens tokens = new Tokens(graphToken, botToken, breakers.tokenEndpoint(), retryPolicy::whileBreakerOpen);
        Messages messages = new Messages(new MessageTemplates(settings.configDir().resolve("messages")));
        main.bind("tokens", tokens);
        main.bind("urlText", new UrlText());
        main.bind("logText", new dev.teamsproactive.input.LogText());
        // Settles as long as the inbox route's read lock waits (readLockMinAge) before it takes a file.
        main.bind("inboxEntries", new dev.teamsproactive.input.InboxEntries(inbox, Duration.ofSeconds(1),
                java.time.Clock.systemUTC()));
        main.bind("templateVariables", new dev.teamsproactive.message.TemplateVariables());
        main.bind("retryPolicy", retryPolicy);
        // Cluster mode (docs/cluster.md): the pacing buckets the calls take permits from (shared by every instance in
        // cluster mode, where a 429's Retry-After pauses its bucket for all), the inbox's read locks (a dropped file
        // taken by one member), the schedules on Quartz's clustered job store, and GET /api/cluster.
        main.bind("pacing", pacing);
        retryPolicy.pausingBuckets(pacing::pause);
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void beforeConfigure(org.apache.camel.main.BaseMainSupport started) {
                started.getCamelContext().getRegistry().bind("inboxLocks",
                        InboxLocks.repository(ledger.dataSource(), cluster, members));
            }
        });
        if (members != null) {
            main.bind("quartz", clusteredQuartz);
        }
        main.configure().addRoutesBuilder(new ClusterApi(members));
        UnansweredSends unansweredSends = new UnansweredSends(
                Boolean.parseBoolean(settings.require("teams.bot-send.retry-unanswered")));
        main.bind("unansweredSends", unansweredSends);
        main.bind("outcomes", new Outcomes(unansweredSends));
        main.bind("graphAnswers", new dev.teamsproactive.graph.GraphAnswers());
        main.bind("messages", messages);
        // Campaigns at once share the recipient workers evenly: the Graph stage's and bot-send's.
        dev.teamsproactive.campaigns.RecipientShares recipientShares = new dev.teamsproactive.campaigns.RecipientShares(
                settings.getInt("teams.concurrency") + settings.getInt("teams.concurrency.bot-send"));
        main.bind("recipientShares", recipientShares);
        Campaigns campaigns = new Campaigns(ledger, messages, settings.require("teams.default-template"), stop,
                recipientShares);
        main.bind("campaigns", campaigns);
        // Crash safety (docs/guarantees.md): one run per campaign, a SENDING mark before each POST, resends.
        main.bind("runLeases", runLeases);
        main.bind("failedCampaigns", new dev.teamsproactive.campaigns.FailedCampaigns(ledger));
        main.bind("sendGuard", new SendGuard(ledger, stop));
        main.bind("gracefulStop", stop);
        main.bind("resends", new Resends(ledger));
        main.bind("recipientSteps", new RecipientSteps(ledger, c.tenantId(), target.botServiceUrl()));
        main.bind("recorder", new Recorder(ledger));
        main.bind("botSends", new dev.teamsproactive.message.BotSends(settings.getInt("teams.concurrency.bot-send-queue")
                + settings.getInt("teams.concurrency.bot-send")));
        main.bind(HttpConnections.BEAN, httpConnections);
        main.bind("reports", new Reports(ledger, reports, throttles, messages));
        // Update and recall of sent messages (routes/7-follow-ups.camel.yaml).
        main.bind("followUps", new FollowUps(ledger, messages, reports, throttles, c.tenantId(), target.botServiceUrl()));
        // Preflight (routes/4a-preflight.camel.yaml): tokens and permissions before anything starts.
        main.bind("preflight", new Preflight(graphToken, botToken, new Preflight.Identities(c.tenantId(), c.clientId(),
                c.botAppId(), c.botTenantId(), target.authority()), settings.get("teams.app-catalog-id").isPresent()));
        main.bind("preflightAhead", preflightAhead);
        dev.teamsproactive.observe.Observe.bindTo(main, ledger.dataSource(), target, reports, inbox,
                java.time.Duration.ofMillis(settings.getInt("teams.progress.interval-ms")));
        // Only allowed host names (and a token beyond loopback) reach the HTTP port.
        dev.teamsproactive.observe.HttpAccess.bindTo(main, settings);
        // A `send` beside the running service finds it here, and hands its file over (cli/HandOff).
        try {
            main.configure().addRoutesBuilder(new dev.teamsproactive.observe.ServiceInfoRoute(new ServiceInfo(
                    target.description(), inbox.toAbsolutePath().toString(),
                    ServiceInfo.ledgerIdentity(ServiceInfo.ledgerUrl(settings)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Scheduled campaigns, Graph audiences and dry runs (routes/0-schedules, 2a-audiences).
        dev.teamsproactive.campaigns.CampaignSchedules schedules = new dev.teamsproactive.campaigns.CampaignSchedules(
                settings.get("teams.campaigns").map(Path::of).orElse(settings.configDir().resolve("campaigns")), ledger,
                java.time.Duration.parse(settings.require("teams.campaigns.misfire-grace")), java.time.Clock.systemUTC(),
                campaigns::check).resumingInterruptedFirings(cluster.enabled() ? new FiringsToResume(ledger.dataSource(),
                        java.time.Duration.parse(settings.require("teams.campaigns.misfire-grace")), cluster.lease(),
                        java.time.Instant.now())::of : null).afterFirstLoad(() -> {
                    if (clusteredQuartz != null) {
                        ClusteredSchedules.startFiring(clusteredQuartz);
                    }
                });
        main.bind("schedules", schedules);
        main.bind("audiencePages", new dev.teamsproactive.campaigns.AudiencePages(ledger, target.graph()));
        main.bind("dryRuns", new dev.teamsproactive.campaigns.DryRuns(reports));
        // Answers: the bot's messaging endpoint and the responses it records (routes/8-answers.camel.yaml).
        dev.teamsproactive.answers.AnswersWiring.bindTo(main, settings, target, ledger, reports);
        // Reminders (routes/7-follow-ups, `remind`; a campaign file's reminder: in routes/0-schedules).
        main.bind("reminders", new dev.teamsproactive.campaigns.Reminders(ledger,
                new dev.teamsproactive.answers.Unanswered(ledger.dataSource()),
                settings.get("teams.campaigns").map(Path::of).orElse(settings.configDir().resolve("campaigns")), inbox));
        main.bind("scheduledReminders", new dev.teamsproactive.campaigns.ScheduledReminders(schedules, ledger,
                java.time.Duration.parse(settings.require("teams.campaigns.misfire-grace")), java.time.Clock.systemUTC()));
        if (target.trust() != null) {
            main.bind(SANDBOX_TLS, sslParameters(target));
        }
    }

    private static SSLContextParameters sslParameters(Target target) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(dev.teamsproactive.tls.SandboxTls.trustStore());
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setTrustManager((X509TrustManager) tmf.getTrustManagers()[0]);
            SSLContextParameters p = new SSLContextParameters();
            p.setTrustManagers(trust);
            return p;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the sandbox certificate", e);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path reports() {
        return reports;
    }

    /** The first step of a stop: running campaigns start no new recipient. */
    public GracefulStop stop() {
        return stop;
    }

    /**
     * The first step of a stop ({@link #stop()}); in cluster mode this member also takes no more firings of the
     * schedules (the other members take them).
     */
    public void beginStop() {
        if (clusteredQuartz != null) {
            ClusteredSchedules.stopFiring(clusteredQuartz);
        }
        stop.begin();
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The preflight {@code send} starts while it checks its file (routes/4a-preflight waits for it). */
    public dev.teamsproactive.preflight.PreflightAhead preflightAhead() {
        return preflightAhead;
    }

    @Override
    public void close() {
        httpConnections.close();
        runLeases.close();
        pacing.close();
        if (members != null) {
            members.close();
        }
        ledger.close();
    }
}
