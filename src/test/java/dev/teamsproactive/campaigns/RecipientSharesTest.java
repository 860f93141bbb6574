package dev.teamsproactive.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.props.Props;
import dev.teamsproactive.recipients.RecipientFile;
import dev.teamsproactive.recipients.RecipientStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two campaigns at once on one instance (a campaign taken over from a member that died, beside this member's own):
 * the one that starts second gets its share of the workers at once, and the first reads no more recipients than its
 * share until its open ones are done.
 */
class RecipientSharesTest {
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @TempDir
    Path work;

    private RecipientStream rows(String name, int n) throws Exception {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 1; i <= n; i++) {
            csv.append("user").append(i).append("@contoso.example\n");
        }
        return RecipientFile.open(Files.writeString(work.resolve(name + ".csv"), csv));
    }

    /** The recipient read, as the split's exchange for it: tracked until {@link #done}. */
    private Exchange read(RecipientShares shares, String campaignId, RecipientStream rows) {
        rows.next();
        Exchange recipient = new DefaultExchange(camel);
        recipient.setProperty(Props.CAMPAIGN_ID, campaignId);
        shares.track(recipient);
        return recipient;
    }

    private static void done(Exchange recipient) {
        recipient.getExchangeExtension().handoverCompletions().forEach(s -> s.onComplete(recipient));
    }

    @Test
    void aSecondCampaignGetsItsShareAtOnceAndTheFirstWaitsForItsOwn() throws Exception {
        RecipientShares shares = new RecipientShares(4);
        RecipientStream first = shares.gated("first", rows("first", 10));
        RecipientStream second = shares.gated("second", rows("second", 10));
        List<Exchange> firstOpen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstOpen.add(read(shares, "first", first));
        }

        // The first campaign alone had the whole room (4); the second one's first recipient is read at once.
        CompletableFuture.runAsync(() -> read(shares, "second", second)).get(5, TimeUnit.SECONDS);

        // Now each has a share of 2: the first reads its next recipient once only one of its own is left open.
        CompletableFuture<Exchange> firstAgain = CompletableFuture.supplyAsync(() -> read(shares, "first", first));
        Thread.sleep(300);
        assertThat(firstAgain).isNotDone();
        done(firstOpen.get(0));
        done(firstOpen.get(1));
        Thread.sleep(300);
        assertThat(firstAgain).isNotDone();
        done(firstOpen.get(2));
        firstAgain.get(5, TimeUnit.SECONDS);
        first.close();
        second.close();
    }

    @Test
    void aClosedCampaignLeavesTheWholeRoomToTheOthers() throws Exception {
        RecipientShares shares = new RecipientShares(4);
        RecipientStream ended = shares.gated("ended", rows("ended", 10));
        read(shares, "ended", ended);
        read(shares, "ended", ended);
        ended.close();
        RecipientStream running = shares.gated("running", rows("running", 10));

        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 4; i++) {
                read(shares, "running", running);
            }
        }).get(5, TimeUnit.SECONDS);
        running.close();
    }
}
