package dev.teamsproactive.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.props.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Two campaigns at once on one instance (a campaign taken over from a member that died, beside this member's own):
 * the one that comes second is not starved by the first, which would otherwise hold the whole bot-send stage.
 */
class BotSendsTest {
    private final DefaultCamelContext camel = new DefaultCamelContext();

    private Exchange recipientOf(String campaignId) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Props.CAMPAIGN_ID, campaignId);
        return exchange;
    }

    private static void done(Exchange exchange) {
        List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
        completions.forEach(s -> s.onComplete(exchange));
    }

    @Test
    void aSecondCampaignGetsItsShareAtOnceAndTheFirstWaitsForItsOwn() throws Exception {
        BotSends stage = new BotSends(4);
        List<Exchange> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Exchange recipient = recipientOf("first");
            stage.handOff(recipient);
            first.add(recipient);
        }

        // The first campaign alone had the whole stage (4); the second one's recipient goes in at once.
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> handOff(stage, recipientOf("second")));
        second.get(5, TimeUnit.SECONDS);

        // Now each has a share of 2: the first's next recipient waits until only one of its own is left in the stage.
        CompletableFuture<Void> firstAgain = CompletableFuture.runAsync(() -> handOff(stage, recipientOf("first")));
        Thread.sleep(300);
        assertThat(firstAgain).isNotDone();
        done(first.get(0));
        done(first.get(1));
        Thread.sleep(300);
        assertThat(firstAgain).isNotDone();
        done(first.get(2));
        firstAgain.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCampaignAloneHasTheWholeStage() throws Exception {
        BotSends stage = new BotSends(4);
        CompletableFuture<Void> four = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 4; i++) {
                handOff(stage, recipientOf("alone"));
            }
        });

        four.get(5, TimeUnit.SECONDS);
    }

    private static void handOff(BotSends stage, Exchange recipient) {
        try {
            stage.handOff(recipient);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
