package dev.teamsproactive.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.config.ServiceInfo;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code GET /api/service}: the running service's {@link ServiceInfo}, for a {@code send} started beside it. */
public final class ServiceInfoRoute extends RouteBuilder {
    private final String json;

    public ServiceInfoRoute(ServiceInfo info) throws com.fasterxml.jackson.core.JsonProcessingException {
        this.json = new ObjectMapper().writeValueAsString(info);
    }

    @Override
    public void configure() {
        from("platform-http:" + ServiceInfo.PATH + "?httpMethodRestrict=GET").routeId("status-service")
                .autoStartup("{{teams.http.enabled}}")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant(json));
    }
}
