package dev.teamsproactive.campaigns;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;

/** A campaign's Quartz route, made from the {@code scheduled-campaign} route template, added and removed. */
final class ScheduleRoutes {
    private ScheduleRoutes() {
    }

    /** Adds the campaign's route; returns its id. */
    static String add(CamelContext context, CampaignDefinition campaign) throws Exception {
        String routeId = routeId(campaign);
        context.addRouteFromTemplate(routeId, CampaignSchedules.ROUTE_TEMPLATE, Map.of("name", campaign.name(),
                "trigger", routeId, "cron", campaign.cron(), "timeZone", campaign.timeZone().getId()));
        return routeId;
    }

    /** Stops and removes the route: a firing still running keeps running; only its trigger goes. */
    static void remove(CamelContext context, String routeId) throws Exception {
        context.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
        context.removeRoute(routeId);
    }

    private static String routeId(CampaignDefinition campaign) {
        return "schedule-" + campaign.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
