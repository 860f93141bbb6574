package dev.teamsproactive.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The embedded H2 ledger's files (data/ledger.mv.db, .trace.db, .lock.db) hold every recipient, chat and message
 * id: readable by their owner only (0600, like the reports), in a folder only the owner may list (0700) when the
 * ledger creates it. H2 creates its files with the process's umask (usually 0644), so they are narrowed after it
 * opened them. A PostgreSQL or in-memory ledger has no files here; a file system without POSIX permissions is
 * left as it is.
 */
final class LedgerFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private LedgerFiles() {
    }

    /** Before H2 opens the ledger: its folder, created owner-only when it does not exist yet. */
    static void prepare(String jdbcUrl) {
        Path base = h2FileBase(jdbcUrl);
        if (!POSIX || base == null || base.getParent() == null || Files.exists(base.getParent())) {
            return;
        }
        try {
            Files.createDirectories(base.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the ledger's folder " + base.getParent(), e);
        }
    }

    /** After H2 opened the ledger: its files, owner-only. */
    static void restrict(String jdbcUrl) {
        Path base = h2FileBase(jdbcUrl);
        if (!POSIX || base == null || base.getParent() == null || !Files.isDirectory(base.getParent())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(base.getParent(), base.getFileName() + ".*db")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the ledger's files private in " + base.getParent(), e);
        }
    }

    /** The path H2 names its files after (data/ledger for jdbc:h2:file:./data/ledger), or null for no local file. */
    static Path h2FileBase(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        rest = options < 0 ? rest : rest.substring(0, options);
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (lower.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|memfs|memlzf|retry):.*")) {
            return null;
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isBlank() ? null : Path.of(rest).toAbsolutePath().normalize();
    }
}
