package dev.teamsproactive.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines that recently claimed a user, per campaign: a file naming one user many times (100,000 copies, say)
 * makes every copy after the first SKIPPED without asking the ledger again for the claim. Bounded, so a file of a
 * million distinct users keeps memory flat; what it forgot, the ledger still knows.
 */
final class RecentUserClaims {
    private static final int CAPACITY = 10_000;
    private final Map<String, Integer> holders = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The line holding {@code userId} in the campaign, when known here; null otherwise. */
    synchronized Integer holder(String campaignId, String userId) {
        return holders.get(campaignId + '\n' + userId);
    }

    synchronized void remember(String campaignId, String userId, int line) {
        holders.put(campaignId + '\n' + userId, line);
    }
}
