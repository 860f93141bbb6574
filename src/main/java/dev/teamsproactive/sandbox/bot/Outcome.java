package dev.teamsproactive.sandbox.bot;

/** Either a value or the Bot Connector error that stands in its way. */
public record Outcome<T>(T value, BotError error) {

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> refused(BotError error) {
        return new Outcome<>(null, error);
    }

    public boolean refused() {
        return error != null;
    }
}
