package dev.teamsproactive.sandbox.tenant;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a seeded user reacts (the tenant file's {@code behavior}). */
public enum Behavior {
    NORMAL("normal"),
    /** Sends answer 403 ConversationBlockedByUser. */
    BLOCKS_BOT("blocksBot"),
    /** Install answers 403: the tenant's app permission policy blocks the app. */
    APP_BLOCKED_BY_POLICY("appBlockedByPolicy"),
    /** The chat lookup answers 404 for a few seconds after the install. */
    SLOW_CHAT("slowChat"),
    /** The app is uninstalled right after the first delivery. */
    UNINSTALLS_AFTER_FIRST_MESSAGE("uninstallsAfterFirstMessage"),
    /**
     * The first send is delivered, then its connection closes with no answer: the sender cannot tell whether the
     * message arrived (as when a network drops the answer). Later sends are answered as usual.
     */
    LOSES_FIRST_ANSWER("losesFirstAnswer");

    private final String seedName;

    Behavior(String seedName) {
        this.seedName = seedName;
    }

    public String seedName() {
        return seedName;
    }

    public static Behavior parse(String name) {
        for (Behavior b : values()) {
            if (b.seedName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown behavior '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Behavior::seedName).collect(Collectors.joining(", ")));
    }
}
