package dev.teamsproactive.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.graph.Outcomes;
import dev.teamsproactive.ledger.DeliveryStatus;
import dev.teamsproactive.ledger.Ledger;
import dev.teamsproactive.ledger.RowClaim;
import dev.teamsproactive.props.AudienceProps;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientKey;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;

/**
 * The audience stage's beans: one page of Graph users (group members, team members, all users) becomes
 * recipient rows numbered on from the previous page, and the page's {@code @odata.nextLink} the next URL to
 * ask. Only one page is in memory at a time. Also the channel post's own row.
 */
public final class AudiencePages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Ledger ledger;
    private final URI graph;

    public AudiencePages(Ledger ledger, String graphUrl) {
        this.ledger = ledger;
        this.graph = URI.create(graphUrl);
    }

    /** The body (one page of users or team members) becomes its recipients; the next page's URL, or null, is set. */
    public List<Recipient> take(Exchange exchange) throws IOException {
        JsonNode page = JSON.readTree(exchange.getIn().getBody(String.class));
        CampaignDefinition campaign = exchange.getProperty(CampaignSchedules.DEFINITION, CampaignDefinition.class);
        boolean teamMembers = "team".equals(exchange.getProperty(AudienceProps.AUDIENCE, String.class));
        long count = exchange.getProperty(AudienceProps.AUDIENCE_COUNT, 0L, Long.class);
        List<Recipient> rows = new ArrayList<>();
        // A reminder keeps the members it is due to (by id), numbered anew.
        Reminders.Reminder reminder = exchange.getProperty(Reminders.REMINDER, Reminders.Reminder.class);
        for (JsonNode user : page.path("value")) {
            // A team lists memberships: the user is their userId; a group or the directory lists users.
            String id = text(user, teamMembers ? "userId" : "id");
            if (id.isEmpty() || reminder != null && !reminder.isDueUser(id)) {
                continue;
            }
            String upn = text(user, "userPrincipalName");
            String mail = text(user, teamMembers ? "email" : "mail");
            String displayName = text(user, "displayName");
            Map<String, String> own = new LinkedHashMap<>();
            own.put("id", id);
            own.put("userPrincipalName", upn);
            own.put("mail", mail);
            own.put("displayName", displayName);
            own.put("name", displayName);
            // Graph lists users by object id: any other id is not used (it would go into the next URLs).
            RecipientKey key = RecipientKey.fromColumn("id", id);
            if (key.kind() != RecipientKey.Kind.OBJECT_ID) {
                key = RecipientKey.invalid(RecipientKey.INVALID_RECIPIENT,
                        "Graph listed a member whose id is not an object id (a GUID); it was not used");
            }
            rows.add(new Recipient(Math.toIntExact(++count), !upn.isEmpty() ? upn : !mail.isEmpty() ? mail : id,
                    key, ListedRecipients.merged(campaign.variables(), own)));
        }
        exchange.setProperty(AudienceProps.AUDIENCE_COUNT, count);
        ledger.setTotal(exchange.getProperty(Props.CAMPAIGN_ID, String.class), count);
        exchange.setProperty(AudienceProps.PAGE_URL, nextLink(page));
        exchange.removeProperty(AudienceProps.PAGE_QUERY);
        return rows;
    }

    /**
     * The whole next-page URL as Graph wrote it; refused if it leads anywhere but Graph (the token goes with it),
     * if it is no well-formed URI (java.net.URI refuses raw braces, so no {{placeholder}} can reach CamelHttpUri,
     * where Camel would resolve it), or if its path climbs out with a '..' segment.
     */
    String nextLink(JsonNode page) {
        String next = text(page, "@odata.nextLink");
        if (next.isEmpty()) {
            return null;
        }
        URI link;
        try {
            link = new URI(next);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Graph's next page link is not a well-formed URL: not followed");
        }
        if (!Objects.equals(link.getScheme(), graph.getScheme()) || !Objects.equals(link.getAuthority(), graph.getAuthority())) {
            throw new IllegalStateException("Graph's next page link leads to " + link.getScheme() + "://" + link.getAuthority()
                    + ", not to " + graph + ": not followed");
        }
        String path = link.getRawPath() == null ? "" : link.getRawPath();
        if (path.contains("/../") || path.endsWith("/..") || path.toLowerCase(java.util.Locale.ROOT).contains("%2e")) {
            throw new IllegalStateException("Graph's next page link has a '..' in its path: not followed");
        }
        return next;
    }

    /** The channel post is the campaign's one row: claimed like a recipient's, so a firing posts it once. */
    public void beginChannelPost(Exchange exchange) {
        CampaignDefinition campaign = exchange.getProperty(CampaignSchedules.DEFINITION, CampaignDefinition.class);
        String team = exchange.getProperty(AudienceProps.AUDIENCE_ID, String.class);
        String channel = exchange.getProperty(AudienceProps.AUDIENCE_CHANNEL, "General", String.class);
        String recipient = "team " + team + " channel " + channel;
        Map<String, String> variables = new LinkedHashMap<>(campaign.variables());
        variables.put("team", team);
        variables.put("channel", channel);
        exchange.setProperty(Props.LINE, 1);
        exchange.setProperty(Props.RECIPIENT, recipient);
        exchange.setProperty(Props.VARIABLES, variables);
        exchange.setProperty(Props.ATTEMPTS, 0);
        RowClaim claim = ledger.claimRow(exchange.getProperty(Props.CAMPAIGN_ID, String.class), 1, recipient);
        exchange.setProperty(Props.ROW_DONE, claim.result() == RowClaim.Result.ALREADY_FINAL);
    }

    /** The body lists the team's channels: the one with the campaign's channel name becomes the conversation. */
    public void pickChannel(Exchange exchange) throws IOException {
        String wanted = exchange.getProperty(AudienceProps.AUDIENCE_CHANNEL, String.class);
        for (JsonNode channel : JSON.readTree(exchange.getIn().getBody(String.class)).path("value")) {
            if (text(channel, "displayName").equalsIgnoreCase(wanted)) {
                exchange.setProperty(Props.CHAT_ID, text(channel, "id"));
                return;
            }
        }
        Outcomes.set(exchange, DeliveryStatus.FAILED, "ChannelNotFound", "The team "
                + exchange.getProperty(AudienceProps.AUDIENCE_ID) + " has no channel named " + wanted);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
