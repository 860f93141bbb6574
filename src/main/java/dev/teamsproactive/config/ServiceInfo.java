package dev.teamsproactive.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a running service tells a {@code send} started beside it (on {@code /api/service}): where its messages go,
 * its drop folder, and which ledger it holds. A {@code send} on the same ledger hands its file to the service
 * instead of opening the ledger itself (an embedded H2 ledger is one process's at a time).
 *
 * @param target the target's description, as every command prints it first
 * @param inbox  the drop folder, absolute
 * @param ledger the ledger's identity ({@link #ledgerIdentity})
 */
public record ServiceInfo(String target, String inbox, String ledger) {
    public static final String PATH = "/api/service";

    /**
     * The same ledger gives the same text: an embedded H2 file's absolute path (as this process's working folder
     * resolves it), any other JDBC URL as it is, without its parameters (no password is ever in it anyway).
     */
    public static String ledgerIdentity(String jdbcUrl) {
        String url = jdbcUrl.trim();
        int parameters = url.indexOf(';');
        String base = parameters < 0 ? url : url.substring(0, parameters);
        String h2File = "jdbc:h2:file:";
        if (base.toLowerCase(Locale.ROOT).startsWith(h2File)) {
            return h2File + Path.of(base.substring(h2File.length())).toAbsolutePath().normalize();
        }
        return base;
    }

    /** The ledger URL the settings name (the same default as the ledger's). */
    public static String ledgerUrl(Settings settings) {
        return settings.require("teams.ledger.url");
    }
}
