package dev.teamsproactive.observe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The status page and its data on the service's HTTP port (platform-http, the same Vert.x server as
 * /observe/health and /observe/metrics). Not in routes/: it is the service's own window, not a step of
 * the delivery an integration engineer would change. Started only when the port is open.
 */
public final class StatusRoutes extends RouteBuilder {
    public static final String PAGE = "/status";
    private static final String GET = "?httpMethodRestrict=GET";
    private final StatusApi api;

    public StatusRoutes(StatusApi api) {
        this.api = api;
    }

    @Override
    public void configure() throws IOException {
        String page = resource("/status/index.html");
        from("platform-http:/" + GET).routeId("status-home").autoStartup("{{teams.http.enabled}}")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(302)).setHeader("Location", constant(PAGE))
                .setBody(constant(""));
        from("platform-http:" + PAGE + GET).routeId("status-page").autoStartup("{{teams.http.enabled}}")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8")).setBody(constant(page));
        from("platform-http:/api/campaigns" + GET).routeId("status-campaigns").autoStartup("{{teams.http.enabled}}")
                .bean(api, "campaigns");
        from("platform-http:/api/campaigns/{id}" + GET).routeId("status-campaign").autoStartup("{{teams.http.enabled}}")
                .bean(api, "campaign");
        from("platform-http:/api/rejected" + GET).routeId("status-rejected").autoStartup("{{teams.http.enabled}}")
                .bean(api, "rejected");
        from("platform-http:/reports/{id}/{file}" + GET).routeId("status-report").autoStartup("{{teams.http.enabled}}")
                .bean(api, "reportFile");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StatusRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
