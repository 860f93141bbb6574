package dev.teamsproactive.sandbox.tenant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Where the app is installed: per user (personal scope) and per team. Ids are shaped as Graph's:
 * an installation id is the base64 of {@code <scope id>##<catalog id>}; a personal chat id is
 * {@code 19:<user id>_<bot app id>@unq.gbl.spaces}.
 */
public final class Installations {
    /** One personal installation; {@code installedAtMillis} drives the slowChat behaviour. */
    public record Installation(String id, String scopeId, long installedAtMillis) {
    }

    private final String catalogId;
    private final String botAppId;
    private final LongSupplier clock;
    private final Map<String, Installation> byUser = new ConcurrentHashMap<>();
    private final Map<String, Installation> byTeam = new ConcurrentHashMap<>();
    private final Map<String, Boolean> uninstalledAfterFirstMessage = new ConcurrentHashMap<>();

    public Installations(String catalogId, String botAppId, LongSupplier clock) {
        this.catalogId = catalogId;
        this.botAppId = botAppId;
        this.clock = clock;
    }

    public String installationId(String scopeId) {
        String raw = scopeId + "##" + catalogId;
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public String chatIdOf(String userId) {
        return "19:" + userId + "_" + botAppId + "@unq.gbl.spaces";
    }

    /** The user id a personal chat id belongs to, if it is one. */
    public Optional<String> userOfChat(String chatId) {
        String suffix = "_" + botAppId + "@unq.gbl.spaces";
        if (chatId.startsWith("19:") && chatId.endsWith(suffix)) {
            return Optional.of(chatId.substring(3, chatId.length() - suffix.length()));
        }
        return Optional.empty();
    }

    /** Installs for a user; false when already installed (Graph's 409). */
    public boolean installForUser(String userId) {
        return byUser.putIfAbsent(key(userId), newInstallation(userId)) == null;
    }

    /** An installation that exists from the start (the seed's {@code installed: true}): its chat is ready at once. */
    public void preinstallForUser(String userId) {
        byUser.putIfAbsent(key(userId), new Installation(installationId(userId), userId, Long.MIN_VALUE / 2));
    }

    public Optional<Installation> forUser(String userId) {
        return Optional.ofNullable(byUser.get(key(userId)));
    }

    public boolean uninstallForUser(String userId) {
        return byUser.remove(key(userId)) != null;
    }

    /** The uninstallsAfterFirstMessage behaviour: true only the first time it is asked for a user. */
    public boolean firstDeliveryUninstall(String userId) {
        if (uninstalledAfterFirstMessage.putIfAbsent(key(userId), Boolean.TRUE) == null) {
            uninstallForUser(userId);
            return true;
        }
        return false;
    }

    public boolean installForTeam(String teamId) {
        return byTeam.putIfAbsent(key(teamId), newInstallation(teamId)) == null;
    }

    public Optional<Installation> forTeam(String teamId) {
        return Optional.ofNullable(byTeam.get(key(teamId)));
    }

    public boolean uninstallForTeam(String teamId) {
        return byTeam.remove(key(teamId)) != null;
    }

    public int userInstallCount() {
        return byUser.size();
    }

    public void clear() {
        byUser.clear();
        byTeam.clear();
        uninstalledAfterFirstMessage.clear();
    }

    private Installation newInstallation(String scopeId) {
        return new Installation(installationId(scopeId), scopeId, clock.getAsLong());
    }

    private static String key(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }
}
