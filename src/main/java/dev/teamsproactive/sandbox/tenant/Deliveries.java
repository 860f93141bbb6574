package dev.teamsproactive.sandbox.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every activity the Bot Connector accepted, oldest first; updates replace, deletes (recall) remove. */
public final class Deliveries {
    /** One accepted activity, as {@code GET /_sandbox/deliveries} lists it. */
    public record Delivery(String conversationId, String userId, String activityId, String text, String summary,
            JsonNode attachments, Instant at) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListMap<Long, Delivery> ordered = new ConcurrentSkipListMap<>();
    private final Map<String, Long> byActivityId = new ConcurrentHashMap<>();
    private final Set<String> answersLost = ConcurrentHashMap.newKeySet();

    /** Records a new activity and returns its id. */
    public String add(String conversationId, String userId, String text, String summary, JsonNode attachments) {
        long seq = sequence.incrementAndGet();
        String activityId = "1:" + Long.toString(System.currentTimeMillis(), 36) + "-" + seq;
        ordered.put(seq, new Delivery(conversationId, userId, activityId, text, summary, attachments, Instant.now()));
        byActivityId.put(key(conversationId, activityId), seq);
        return activityId;
    }

    public Optional<Delivery> find(String conversationId, String activityId) {
        Long seq = byActivityId.get(key(conversationId, activityId));
        return seq == null ? Optional.empty() : Optional.ofNullable(ordered.get(seq));
    }

    public boolean replace(String conversationId, String activityId, String text, String summary, JsonNode attachments) {
        Long seq = byActivityId.get(key(conversationId, activityId));
        if (seq == null) {
            return false;
        }
        Delivery old = ordered.get(seq);
        if (old == null) {
            return false;
        }
        ordered.put(seq, new Delivery(old.conversationId(), old.userId(), activityId, text, summary, attachments,
                Instant.now()));
        return true;
    }

    public boolean remove(String conversationId, String activityId) {
        Long seq = byActivityId.remove(key(conversationId, activityId));
        return seq != null && ordered.remove(seq) != null;
    }

    public List<Delivery> all() {
        return new ArrayList<>(ordered.values());
    }

    public int count() {
        return ordered.size();
    }

    /** True the first time only, per user: the losesFirstAnswer behaviour drops that answer. */
    public boolean loseFirstAnswer(String userId) {
        return answersLost.add(userId.toLowerCase(java.util.Locale.ROOT));
    }

    public void clear() {
        ordered.clear();
        byActivityId.clear();
        answersLost.clear();
    }

    private static String key(String conversationId, String activityId) {
        return conversationId + "\n" + activityId;
    }
}
