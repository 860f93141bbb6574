package dev.teamsproactive.campaigns;

import static dev.teamsproactive.campaigns.CampaignFolder.shown;
import static dev.teamsproactive.campaigns.CampaignFolder.size;

import dev.teamsproactive.input.LogText;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.props.Props;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules bean: keeps one Quartz route (from the {@code scheduled-campaign} route template) per enabled
 * campaign file of {@code config/campaigns/}, in step with the files. A broken file is logged with its line
 * and reason and has no schedule; the others run. Each firing becomes a campaign of its own.
 */
public final class CampaignSchedules {
    public static final String ROUTE_TEMPLATE = "scheduled-campaign";
    /** Exchange properties of a firing, read by the campaign stage. */
    public static final String DEFINITION = "campaignDefinition";
    public static final String SCHEDULED_AT = "scheduledAt";
    public static final String SKIPPED = "firingSkipped";

    private static final Logger LOG = LoggerFactory.getLogger(CampaignSchedules.class);

    private final CampaignFolder folder;
    private final Ledger ledger;
    private final Duration misfireGrace;
    private final MissedFirings missedFirings;
    private final Clock clock;
    private final java.util.function.Consumer<CampaignDefinition> check;
    private final Map<Path, Loaded> loaded = new HashMap<>();
    private final Map<String, CampaignDefinition> byName = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private boolean caughtUp;
    private java.util.function.BiFunction<CampaignDefinition, Instant, List<Instant>> interrupted;
    private Runnable afterFirstLoad = () -> { };

    /** What one file gave at its last change: its definition (null when broken) and its route (null when none). */
    private record Loaded(FileTime modified, long size, CampaignDefinition definition, String routeId) {
    }

    /**
     * @param check what a firing would refuse (the template, its variables, the audience), checked at load; throws a
     *              {@link RejectedInputException}
     */
    public CampaignSchedules(Path folder, Ledger ledger, Duration misfireGrace, Clock clock,
            java.util.function.Consumer<CampaignDefinition> check) {
        this.folder = new CampaignFolder(folder);
        this.ledger = ledger;
        this.misfireGrace = misfireGrace;
        this.missedFirings = new MissedFirings(ledger, misfireGrace);
        this.clock = clock;
        this.check = check;
    }

    /**
     * Reads the campaign files that are new or changed, drops the schedules of files removed. The first call
     * also returns the firings missed while the service was down, to run now ({@link MisfirePolicy}).
     */
    public synchronized List<Firing> reload(Exchange exchange) {
        CamelContext context = exchange.getContext();
        // The timer fires its first tick while Camel is still starting its routes: a schedule's route added then may
        // never be registered, and its file, read already, would not be read again. The next tick reads them.
        if (!context.getStatus().isStarted()) {
            return List.of();
        }
        Map<Path, FileTime> files = folder.files();
        for (Path gone : new ArrayList<>(loaded.keySet())) {
            if (!files.containsKey(gone)) {
                LOG.info("Campaign file {} removed: its schedule stops", shown(gone));
                forget(context, gone);
            }
        }
        Instant now = clock.instant();
        files.forEach((file, modified) -> {
            Loaded before = loaded.get(file);
            long size = size(file);
            if (before == null || !before.modified().equals(modified) || before.size() != size) {
                forget(context, file);
                load(context, file, modified, size);
            }
        });
        if (caughtUp) {
            return interrupted != null ? interruptedFirings(now) : List.of();
        }
        caughtUp = true;
        afterFirstLoad.run();
        return missedFirings.of(byName.values(), now);
    }

    /** Runs once the first load has made a schedule of every campaign file (cluster mode: the scheduler starts). */
    public CampaignSchedules afterFirstLoad(Runnable then) {
        this.afterFirstLoad = then;
        return this;
    }

    /**
     * Cluster mode: every reload also brings back the firings (within the misfire grace) whose member stopped or died
     * before they ended, as {@code interrupted} names them for a campaign at a time; the members' schedules fire each
     * time once only, so no member would otherwise resume them.
     */
    public CampaignSchedules resumingInterruptedFirings(
            java.util.function.BiFunction<CampaignDefinition, Instant, List<Instant>> interrupted) {
        this.interrupted = interrupted;
        return this;
    }

    private List<Firing> interruptedFirings(Instant now) {
        List<Firing> resumed = new ArrayList<>();
        for (CampaignDefinition campaign : byName.values()) {
            for (Instant at : interrupted.apply(campaign, now)) {
                LOG.info("Campaign {}: the firing of {} was interrupted (its run stopped or died); it resumes here",
                        campaign.name(), at);
                resumed.add(new Firing(campaign.name(), at));
            }
        }
        return resumed;
    }

    /** The quartz route's firing: the campaign's name and the time Quartz scheduled it for. */
    public Firing firing(Exchange exchange) {
        Date scheduled = exchange.getIn().getHeader("scheduledFireTime", Date.class);
        Instant at = scheduled != null ? scheduled.toInstant() : clock.instant();
        return new Firing(exchange.getProperty(Props.SCHEDULE, String.class), at);
    }

    /**
     * Turns a firing (the body) into the properties direct:campaign reads; a firing outside the start and end
     * dates, or of a campaign disabled or removed meanwhile, is marked skipped instead.
     */
    public void begin(Exchange exchange) {
        Firing firing = exchange.getIn().getBody(Firing.class);
        CampaignDefinition campaign = byName.get(firing.name());
        if (campaign == null || !campaign.enabled()) {
            exchange.setProperty(SKIPPED, skipped(firing, "the campaign is no longer enabled"));
            return;
        }
        if (!campaign.activeAt(firing.scheduledAt())) {
            exchange.setProperty(SKIPPED, skipped(firing, "it falls outside the campaign's start and end dates"));
            return;
        }
        exchange.setProperty(DEFINITION, campaign);
        exchange.setProperty(SCHEDULED_AT, firing.scheduledAt());
        // The firing's id from the start, so that a firing refused before it is registered is still named.
        exchange.setProperty(Props.CAMPAIGN_ID, FiringIds.of(campaign, firing.scheduledAt()));
        exchange.setProperty(Props.SOURCE, campaign.file() + " at " + firing.scheduledAt());
        exchange.setProperty(Props.TEMPLATE, campaign.template() == null ? "" : campaign.template());
    }

    private static String skipped(Firing firing, String why) {
        return "The firing of " + firing.name() + " at " + firing.scheduledAt() + " is skipped: " + why;
    }

    /** The files currently refused, each with its reason (file, line and what is wrong). */
    public Map<String, String> problems() {
        return new TreeMap<>(problems);
    }

    public Optional<CampaignDefinition> campaign(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The campaigns of the files currently loaded. */
    public List<CampaignDefinition> campaigns() {
        return List.copyOf(byName.values());
    }

    private void load(CamelContext context, Path file, FileTime modified, long size) {
        CampaignDefinition campaign;
        try {
            campaign = DefinitionReader.read(file, shown(file), true);
            CampaignDefinition sameName = byName.get(campaign.name());
            if (sameName != null) {
                throw new RejectedInputException(shown(file), "the name '" + campaign.name() + "' is already used by "
                        + sameName.file());
            }
            checkAsAFiringWould(campaign);
        } catch (RejectedInputException e) {
            LOG.warn("Campaign file skipped (fix it and it is read again): {}", e.getMessage());
            problems.put(shown(file), LogText.escape(e.getMessage()));
            loaded.put(file, new Loaded(modified, size, null, null));
            return;
        }
        problems.remove(shown(file));
        byName.put(campaign.name(), campaign);
        String routeId = null;
        if (campaign.enabled()) {
            try {
                routeId = ScheduleRoutes.add(context, campaign);
            } catch (Exception e) {
                byName.remove(campaign.name());
                LOG.warn("Campaign file skipped: {}: its schedule cannot start: {}", shown(file), LogText.escape(e.getMessage()));
                problems.put(shown(file), shown(file) + ": its schedule cannot start: " + e.getMessage());
                loaded.put(file, new Loaded(modified, size, null, null));
                return;
            }
        }
        loaded.put(file, new Loaded(modified, size, campaign, routeId));
        LOG.info("Campaign {} ({}): cron \"{}\" {}, template {}, {}{}{}", campaign.name(), campaign.file(),
                campaign.cron(), campaign.timeZone(), campaign.template() == null ? "(default)" : campaign.template(),
                LogText.escape(campaign.audience().describe()), campaign.dryRun() ? ", dry run" : "",
                campaign.enabled() ? "" : ", disabled");
    }

    /**
     * A template that does not exist or does not render, a variable nobody provides: refused now, with the line of
     * the template (or audience) key, instead of failing at the first firing, maybe days later.
     */
    private void checkAsAFiringWould(CampaignDefinition campaign) {
        try {
            check.accept(campaign);
        } catch (RejectedInputException e) {
            if (e.line() > 0 && campaign.file().equals(e.file())) {
                throw e;
            }
            int line = campaign.lineOf("template") > 0 ? campaign.lineOf("template") : campaign.lineOf("audience");
            String reason = campaign.file().equals(e.file()) ? e.reason() : e.getMessage();
            throw new RejectedInputException(campaign.file(), line, reason, e);
        }
    }

    private void forget(CamelContext context, Path file) {
        Loaded before = loaded.remove(file);
        problems.remove(shown(file));
        if (before == null || before.definition() == null) {
            return;
        }
        byName.remove(before.definition().name());
        if (before.routeId() != null) {
            try {
                ScheduleRoutes.remove(context, before.routeId());
            } catch (Exception e) {
                LOG.warn("The schedule of {} did not stop cleanly: {}", shown(file), e.toString());
            }
        }
    }
}
