package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.http.Responses;
import dev.teamsproactive.tls.SandboxTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code POST /v1.0/$batch}: up to 20 Graph requests in one. Each is sent, without blocking, to the sandbox
 * itself over HTTPS with the batch's own token, so it meets the same faults, limits (each request is
 * throttled on its own, as in Graph) and statistics as when sent alone. Requests run in parallel, or one
 * after another in order when any uses {@code dependsOn}; one whose dependency failed answers 424.
 */
final class BatchEndpoint {
    private static final long TIMEOUT_MS = 60_000;
    private final GraphCharges charges;
    private HttpClient http;

    BatchEndpoint(GraphCharges charges) {
        this.charges = charges;
    }

    void register(GraphRoutes routes) {
        routes.onRegex(HttpMethod.POST, "^/v1\\.0/\\$batch$", "/v1.0/$batch", this::batch);
    }

    private void batch(GraphCall call) {
        if (!call.admit(charges.globalOnly(call.caller().appId()))) {
            return;
        }
        BatchRequest batch = BatchRequest.parse(call.ctx().body());
        RoutingContext ctx = call.ctx();
        String authorization = ctx.request().getHeader("Authorization");
        HttpClient client = client(ctx.vertx());
        Future<List<ObjectNode>> all = batch.sequential()
                ? inOrder(client, call, batch.items(), authorization)
                : Future.all(batch.items().stream().map(i -> send(client, call, i, authorization)).toList())
                        .map(f -> f.<ObjectNode>list());
        all.onComplete(done -> {
            if (done.failed()) {
                Responses.graphError(ctx, 500, "generalException", "The batch failed: " + done.cause().getMessage());
                return;
            }
            ObjectNode body = Responses.JSON.createObjectNode();
            ArrayNode responses = body.putArray("responses");
            done.result().forEach(responses::add);
            call.ok(body);
        });
    }

    private Future<List<ObjectNode>> inOrder(HttpClient client, GraphCall call, List<BatchRequest.Item> items,
            String authorization) {
        List<ObjectNode> out = new ArrayList<>();
        Map<String, Integer> statusById = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (BatchRequest.Item item : items) {
            chain = chain.compose(v -> {
                boolean dependencyFailed = item.dependsOn().stream().anyMatch(d -> statusById.get(d) / 100 != 2);
                Future<ObjectNode> answer = dependencyFailed ? Future.succeededFuture(failedDependency(item))
                        : send(client, call, item, authorization);
                return answer.map(a -> {
                    out.add(a);
                    statusById.put(item.id(), a.get("status").asInt());
                    return null;
                });
            });
        }
        return chain.map(v -> out);
    }

    private Future<ObjectNode> send(HttpClient client, GraphCall call, BatchRequest.Item item, String authorization) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(item.method()))
                .setAbsoluteURI(call.serviceRoot() + BatchRequest.encodeLoosely(item.url())).setTimeout(TIMEOUT_MS);
        item.headers().forEach(options::putHeader);
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        return client.request(options)
                .compose(req -> item.body() == null ? req.send() : req.send(Buffer.buffer(item.body())))
                .compose(resp -> resp.body().map(b -> answer(item, resp, b)))
                .recover(failure -> Future.succeededFuture(unanswered(item, failure)));
    }

    /** A request the sandbox could not answer (an injected connection reset, a timeout) reads as a 503. */
    private static ObjectNode unanswered(BatchRequest.Item item, Throwable failure) {
        return errorAnswer(item, 503, "ServiceUnavailable", "No answer: " + failure.getMessage());
    }

    private static ObjectNode answer(BatchRequest.Item item, HttpClientResponse resp, Buffer body) {
        ObjectNode a = Responses.JSON.createObjectNode();
        a.put("id", item.id());
        a.put("status", resp.statusCode());
        ObjectNode headers = a.putObject("headers");
        for (String name : List.of("Content-Type", "Retry-After", "Location", "OData-Version")) {
            String value = resp.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (body.length() > 0) {
            try {
                JsonNode json = Responses.JSON.readTree(body.toString());
                a.set("body", json);
            } catch (IOException e) {
                a.put("body", body.toString());
            }
        }
        return a;
    }

    private static ObjectNode failedDependency(BatchRequest.Item item) {
        return errorAnswer(item, 424, "FailedDependency", "A request this one depends on failed.");
    }

    private static ObjectNode errorAnswer(BatchRequest.Item item, int status, String code, String message) {
        ObjectNode a = Responses.JSON.createObjectNode();
        a.put("id", item.id());
        a.put("status", status);
        a.putObject("headers").put("Content-Type", "application/json");
        ObjectNode error = a.putObject("body").putObject("error");
        error.put("code", code);
        error.put("message", message);
        return a;
    }

    /** One client per router (so per event loop), trusting only the sandbox's own certificate. */
    private synchronized HttpClient client(Vertx vertx) {
        if (http == null) {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(SandboxTls.trustStore());
                http = vertx.createHttpClient(new HttpClientOptions().setSsl(true)
                        .setTrustOptions(TrustOptions.wrap(tmf.getTrustManagers()[0])).setKeepAlive(true));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot trust the sandbox certificate", e);
            }
        }
        return http;
    }
}
