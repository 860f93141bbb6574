package dev.teamsproactive.message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One room of workers (a stage's queue and threads) shared evenly by the campaigns running at once on this
 * instance: a campaign holds at most {@code room / (1 + the others holding some)}, at least one, so a campaign that
 * starts beside a running one gets its share at once instead of waiting for the first to end. Alone, a campaign has
 * the whole room. Used by the Graph stage ({@code campaigns.RecipientShares}) and the bot-send stage
 * ({@link BotSends}).
 */
public final class CampaignShares {
    private final Map<String, Share> campaigns = new ConcurrentHashMap<>();
    private final int room;

    /** @param room how many recipients the stage works on at once */
    public CampaignShares(int room) {
        this.room = room;
    }

    /** A new share for the campaign, replacing any earlier one. */
    public Share start(String campaignId) {
        Share share = new Share();
        campaigns.put(campaignId, share);
        return share;
    }

    /** The campaign's share, made on first use. */
    public Share of(String campaignId) {
        return campaigns.computeIfAbsent(campaignId, id -> new Share());
    }

    /** The campaign's share, or null when it has none. */
    public Share find(String campaignId) {
        return campaignId == null ? null : campaigns.get(campaignId);
    }

    /** Forgets the campaign's share if it is still {@code share}. */
    public void forget(String campaignId, Share share) {
        campaigns.remove(campaignId, share);
    }

    /** Forgets the campaign's share once it holds nothing. */
    public void forgetIfNone(String campaignId) {
        campaigns.computeIfPresent(campaignId, (id, share) -> share.isNone() ? null : share);
    }

    /** Waits while the campaign holds its share of the room, then takes one place in it. */
    public void enter(Share share) throws InterruptedException {
        share.addWithin(() -> Math.max(1, room / (1 + othersHolding(share))));
    }

    /** The other campaigns holding places now (one that ended early may have left its count at 0). */
    private int othersHolding(Share self) {
        int others = 0;
        for (Share campaign : campaigns.values()) {
            if (campaign != self && campaign.count > 0) {
                others++;
            }
        }
        return others;
    }

    /** One campaign's places in the room. */
    public static final class Share {
        /** Volatile: the other campaigns read it without this one's lock. */
        private volatile long count;

        /** Waits while the campaign holds its share (which grows when another campaign ends: looked at again soon). */
        private synchronized void addWithin(java.util.function.IntSupplier share) throws InterruptedException {
            while (count >= share.getAsInt()) {
                wait(50);
            }
            count++;
        }

        /** Gives one place back. */
        public synchronized void leave() {
            count--;
            notifyAll();
        }

        synchronized boolean isNone() {
            return count == 0;
        }

        /** Waits until the campaign holds no place. */
        public synchronized void awaitNone() throws InterruptedException {
            while (count > 0) {
                wait();
            }
        }
    }
}
