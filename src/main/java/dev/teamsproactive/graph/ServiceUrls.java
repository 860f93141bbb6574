package dev.teamsproactive.graph;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which Bot Connector service URL a cached chat is sent to. A real tenant's service URL may be regional
 * ({@code https://smba.trafficmanager.net/emea/}), so a cached one is kept; but a cached URL of another target
 * than the one running (a sandbox on a port it no longer has, a sandbox's URL while the real tenant runs, or the
 * reverse) can never answer, so the current target's own URL is used instead.
 */
public final class ServiceUrls {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private ServiceUrls() {
    }

    public static String forCachedChat(String cached, String current) {
        if (cached == null || cached.isBlank()) {
            return current;
        }
        boolean cachedLocal = isLoopback(cached);
        boolean currentLocal = isLoopback(current);
        if (!cachedLocal && !currentLocal) {
            return cached;
        }
        return cachedLocal && currentLocal && origin(cached).equals(origin(current)) ? cached : current;
    }

    private static boolean isLoopback(String url) {
        String host = hostOf(url);
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException unreadable) {
            return url;
        }
    }
}
