package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.tenant.Directory;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import dev.teamsproactive.sandbox.tenant.Seed;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A team's channels ({@code primaryChannel}: the General channel, where a team-scope post goes) and its
 * members (an audience), each counted against the per-team limit as well.
 */
final class TeamEndpoints {
    private static final String CHANNEL_TYPE = "microsoft.graph.channel";
    private final GraphCharges charges;
    private final Instant created;

    /** @param created the creation time the seed's teams and channels report */
    TeamEndpoints(GraphCharges charges, Instant created) {
        this.charges = charges;
        this.created = created;
    }

    void register(GraphRoutes routes) {
        routes.on(HttpMethod.GET, "/v1.0/teams/:teamId/primaryChannel", this::primaryChannel);
        routes.on(HttpMethod.GET, "/v1.0/teams/:teamId/channels", this::channels);
        routes.on(HttpMethod.GET, "/v1.0/teams/:teamId/members", this::members);
    }

    private boolean admit(GraphCall call, Limit row) {
        return call.admit(charges.team(row, call.param("teamId"), call.caller().appId()));
    }

    private void primaryChannel(GraphCall call) {
        if (!admit(call, Limit.GRAPH_OTHER_TEAMS_GET)) {
            return;
        }
        call.require(GraphPermission.CHANNELS_READ);
        Selection selection = Selection.of(call.query().select(), null, TeamShapes.CHANNEL_PROPERTIES, CHANNEL_TYPE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        Seed.Channel general = team.channels().stream().filter(c -> "General".equalsIgnoreCase(c.displayName()))
                .findFirst().orElse(team.channels().isEmpty() ? null : team.channels().get(0));
        if (general == null) {
            throw GraphException.notFound("Team '" + team.id() + "' has no channels.");
        }
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("@odata.context", call.context(selection.context("teams('" + team.id() + "')/primaryChannel") + "/$entity"));
        body.setAll(selection.apply(TeamShapes.channel(team, general, call.tenant().tenantId(), created)));
        call.ok(body);
    }

    private void channels(GraphCall call) {
        if (!admit(call, Limit.GRAPH_OTHER_TEAMS_GET)) {
            return;
        }
        call.require(GraphPermission.CHANNELS_READ);
        Selection selection = Selection.of(call.query().select(), null, TeamShapes.CHANNEL_PROPERTIES, CHANNEL_TYPE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        ArrayNode values = Responses.JSON.createArrayNode();
        team.channels().forEach(c -> values.add(selection.apply(TeamShapes.channel(team, c, call.tenant().tenantId(), created))));
        call.collection(selection.context("teams('" + team.id() + "')/channels"), values, -1);
    }

    /**
     * Pages like the directory: {@code $top} up to 999, 100 by default (an assumption: the reference does
     * not state the page size of this list).
     */
    private void members(GraphCall call) {
        if (!admit(call, Limit.GRAPH_GET_TEAM_MEMBERS)) {
            return;
        }
        call.require(GraphPermission.TEAM_MEMBERS_READ);
        QueryOptions q = call.query();
        q.allowExpand(TeamShapes.MEMBER_TYPE);
        Selection selection = Selection.of(q.select(), null, TeamShapes.MEMBER_PROPERTIES, TeamShapes.MEMBER_TYPE);
        ODataFilter filter = q.filter() == null ? null : q.filter().bind(TeamShapes.MEMBER_FILTERABLE, TeamShapes.MEMBER_TYPE);
        int size = q.pageSize(UserEndpoints.DEFAULT_PAGE, UserEndpoints.MAX_PAGE);
        Seed.Team team = Lookups.team(call, call.param("teamId"));
        String tenantId = call.tenant().tenantId();
        Directory directory = call.tenant().directory();
        List<DirectoryUser> members = team.members().stream().map(id -> directory.userById(id).orElse(null))
                .filter(Objects::nonNull)
                .filter(u -> filter == null || filter.test(name -> TeamShapes.memberProperty(team, u, tenantId, name)))
                .toList();
        Page<DirectoryUser> page = Page.of(members, q.skip(), size);
        ArrayNode values = Responses.JSON.createArrayNode();
        page.items().forEach(u -> values.add(selection.apply(TeamShapes.member(team, u, tenantId))));
        call.collection(selection.context("teams('" + team.id() + "')/members"), values, page.next());
    }
}
