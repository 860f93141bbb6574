package dev.teamsproactive.sandbox.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /_sandbox/acts/load}: many users acting at once, as a load on the bot's messaging endpoint. Each of
 * {@code count} users (the computed users {@code firstUser}…) sends one act; {@code concurrency} senders each send
 * the next as soon as the bot has answered the previous one. One valid token signs them all, as the Bot Connector
 * reuses its token for the hour it lasts (and signing one per act would measure the sandbox's RSA, not the bot).
 * The acts are not kept for {@code GET /_sandbox/acts} nor for replays. Answers the figures: how long, how many per
 * second, each act's latency (p50, p99, max), the bot's statuses.
 */
final class ActLoad {
    private static final int MAX_COUNT = 1_000_000;
    private static final int MAX_CONCURRENCY = 1_000;
    private static final int TIMEOUT_MS = 30_000;

    /** What to send: the act every user does, how many users from which one, how many at a time. */
    record Plan(ActRequest act, int count, int concurrency, int firstUser) {
        static Plan parse(JsonNode body) {
            ActRequest act = ActRequest.parse(body);
            if (act.replayOf() != null || act.kind() == ActRequest.Kind.UNINSTALL) {
                throw new IllegalArgumentException("a load sends execute, submit or reply acts, not replays or uninstalls");
            }
            int count = body.path("count").asInt(0);
            int concurrency = body.path("concurrency").asInt(16);
            int firstUser = body.path("firstUser").asInt(1);
            if (count < 1 || count > MAX_COUNT || concurrency < 1 || concurrency > MAX_CONCURRENCY || firstUser < 1) {
                throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", concurrency 1 to " + MAX_CONCURRENCY
                        + ", firstUser at least 1");
            }
            return new Plan(act, count, concurrency, firstUser);
        }
    }

    private final Vertx vertx;
    private final String endpoint;
    private final List<DirectoryUser> users;
    private final ChannelActivities activities;
    private final Plan plan;
    private final String token;
    private final long[] latencyMicros;
    private final int[] statuses;
    private final AtomicInteger next = new AtomicInteger();

    ActLoad(Vertx vertx, String endpoint, List<DirectoryUser> users, ChannelActivities activities, Plan plan, String token) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.users = users;
        this.activities = activities;
        this.plan = plan;
        this.token = token;
        this.latencyMicros = new long[users.size()];
        this.statuses = new int[users.size()];
    }

    /** Sends every act, then calls {@code done} with the figures (on a Vert.x event loop). */
    void run(java.util.function.Consumer<Map<String, Object>> done) {
        URI uri = URI.create(endpoint);
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setSsl("https".equals(uri.getScheme())).setTrustAll(false).setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(plan.concurrency()));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint)
                .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
                .setTimeout(TIMEOUT_MS);
        long started = System.nanoTime();
        int senders = Math.min(plan.concurrency(), users.size());
        AtomicInteger sendersLeft = new AtomicInteger(senders);
        for (int i = 0; i < senders; i++) {
            sendNext(http, request, () -> {
                if (sendersLeft.decrementAndGet() == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    http.close();
                    done.accept(figures(seconds));
                }
            });
        }
    }

    private void sendNext(HttpClient http, RequestOptions request, Runnable senderDone) {
        int i = next.getAndIncrement();
        if (i >= users.size()) {
            senderDone.run();
            return;
        }
        ObjectNode activity = activities.of(plan.act(), users.get(i), null);
        activity.put("id", "load:" + plan.firstUser() + ":" + i + ":" + System.nanoTime());
        Buffer body = Buffer.buffer(activity.toString());
        long sent = System.nanoTime();
        http.request(request)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(answer -> {
                    latencyMicros[i] = (System.nanoTime() - sent) / 1_000;
                    statuses[i] = answer.succeeded() ? answer.result() : 0;
                    sendNext(http, request, senderDone);
                });
    }

    private Map<String, Object> figures(double seconds) {
        long[] sorted = latencyMicros.clone();
        Arrays.sort(sorted);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int s : statuses) {
            byStatus.merge(s, 1, Integer::sum);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("count", users.size());
        f.put("concurrency", plan.concurrency());
        f.put("seconds", seconds);
        f.put("rate", users.size() / seconds);
        f.put("p50Ms", percentile(sorted, 50) / 1000.0);
        f.put("p99Ms", percentile(sorted, 99) / 1000.0);
        f.put("maxMs", sorted[sorted.length - 1] / 1000.0);
        Map<String, Integer> statusText = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> statusText.put(Integer.toString(status), n));
        f.put("statuses", statusText);
        return f;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
