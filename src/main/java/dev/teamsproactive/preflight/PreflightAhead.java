package dev.teamsproactive.preflight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import dev.teamsproactive.props.Props;

/**
 * A preflight started ahead: {@code send} starts one as soon as Camel runs, so the tokens, the roles check and the
 * app's catalog lookup overlap the file's checks and the campaign's registration (a cold campaign otherwise spends
 * its first quarter second on them before any recipient starts). The campaign's own preflight first waits for it,
 * then runs every check as always: what the early one fetched is cached (tokens, the catalog id), so it passes at
 * once; whatever failed early is asked again and reported by the campaign's preflight, as without this. Nothing of a
 * campaign starts before its own preflight has passed.
 */
public final class PreflightAhead {
    private final AtomicReference<CompletableFuture<Exchange>> running = new AtomicReference<>();

    /** Starts the preflight route in the background; the next preflight (the first campaign's) waits for it. */
    public void start(ProducerTemplate producer) {
        running.set(producer.asyncSend("direct:preflight", exchange -> {
            exchange.setProperty(Props.PREFLIGHT_AHEAD, true);
            exchange.setProperty(Props.PREFLIGHT_AT_START, true);
        }));
    }

    /**
     * The preflight route's first step: waits until a preflight started ahead has ended, whatever its outcome (its
     * failure is the campaign's preflight's to find again and report).
     */
    public void await(Exchange exchange) throws InterruptedException {
        if (Boolean.TRUE.equals(exchange.getProperty(Props.PREFLIGHT_AHEAD, Boolean.class))) {
            return;
        }
        CompletableFuture<Exchange> ahead = running.getAndSet(null);
        if (ahead == null) {
            return;
        }
        try {
            ahead.get();
        } catch (ExecutionException e) {
            // Camel hands failures back on the exchange; one thrown here is the campaign's preflight's to meet again.
        }
    }
}
