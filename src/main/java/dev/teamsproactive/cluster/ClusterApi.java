package dev.teamsproactive.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /api/cluster} on any member: the live members, each with its host, last heartbeat and the campaigns its
 * runs hold, as {@code [{"instanceId","host","lastHeartbeat","campaigns":[…]}]}. An instance alone answers {@code []}.
 */
public final class ClusterApi extends RouteBuilder {
    public static final String PATH = "/api/cluster";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Members members;

    /** @param members the members table, or null for an instance alone */
    public ClusterApi(Members members) {
        this.members = members;
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?httpMethodRestrict=GET").routeId("status-cluster")
                .autoStartup("{{teams.http.enabled}}")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .process(e -> e.getMessage().setBody(json(members == null ? List.of() : members.live())));
    }

    static String json(List<Members.Member> live) {
        ArrayNode all = JSON.createArrayNode();
        for (Members.Member m : live) {
            ObjectNode node = all.addObject();
            node.put("instanceId", m.instanceId());
            node.put("host", m.host());
            node.put("lastHeartbeat", m.lastHeartbeat().toString());
            ArrayNode campaigns = node.putArray("campaigns");
            m.campaigns().forEach(campaigns::add);
        }
        return all.toString();
    }
}
