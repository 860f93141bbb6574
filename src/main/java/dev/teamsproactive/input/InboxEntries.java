package dev.teamsproactive.input;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox consumer's filter (routes/1-inbox): entries the drop folder must not take are set aside to
 * {@code inbox/.error/}, beside {@code <name>.error.txt} saying why, before Camel locks, reads or moves them:
 * <ul>
 * <li>a symbolic link, to a file or to a folder: following it would read a file outside the inbox (and quote it
 * in a rejection), or move one from outside in. The link itself is moved; what it points to is never touched;</li>
 * <li>a file whose name starts with '.': Camel would skip it silently forever;</li>
 * <li>a file whose name is too long for Camel's read-lock marker ({@code <name>.camelLock}): the lock would fail
 * at every poll and the file never move.</li>
 * </ul>
 * Camel's file component has no option to refuse links, and these cases never reach the route (a dot-file or a
 * link to a folder is never an exchange), so they are handled here, where Camel asks about each entry. The
 * {@code .done/} and {@code .error/} folders and every other hidden folder are not looked into; Camel's own
 * {@code *.camelLock} files never get here.
 */
public final class InboxEntries implements GenericFileFilter<File> {
    /** The longest file name, in bytes, on the file systems this runs on (ext4, XFS, APFS, NTFS). */
    static final int NAME_MAX_BYTES = 255;
    /** What Camel's read lock adds to a name for its marker file (FileComponent.DEFAULT_LOCK_FILE_POSTFIX). */
    private static final String LOCK_SUFFIX = ".camelLock";
    static final String ERROR_SUFFIX = ".error.txt";
    static final int LONGEST_NAME = NAME_MAX_BYTES - LOCK_SUFFIX.length();
    private static final Logger LOG = LoggerFactory.getLogger(InboxEntries.class);

    private final Path errors;
    private final Duration settle;
    private final Clock clock;
    /** Entries that could not be set aside: said once, not at every poll. */
    private final Set<Path> stuck = ConcurrentHashMap.newKeySet();

    /**
     * @param settle how long a file must be unchanged before it is set aside (as the route's read lock waits before
     *               taking one): an upload still under way is not moved from under its writer
     */
    public InboxEntries(Path inbox, Duration settle, Clock clock) {
        this.errors = inbox.resolve(".error");
        this.settle = settle;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> entry) {
        Path path = entry.getFile().toPath();
        String name = path.getFileName().toString();
        boolean link = Files.isSymbolicLink(path);
        if (entry.isDirectory() && name.startsWith(".") && !link) {
            // .done/, .error/ and any other hidden folder: never looked into (Camel asks about them when antExclude is set).
            return false;
        }
        String reason = link ? linkReason(entry.isDirectory())
                : entry.isDirectory() ? null
                : name.startsWith(".") ? "its name starts with '.': the inbox does not take hidden files; drop it again"
                        + " under a name without the leading '.'"
                : utf8Length(name) > LONGEST_NAME ? "its name is " + utf8Length(name) + " bytes long: the inbox takes"
                        + " names of at most " + LONGEST_NAME + " bytes (its read lock adds " + LOCK_SUFFIX.length()
                        + " to a name, and a file name holds " + NAME_MAX_BYTES + "); drop it again under a shorter name"
                : null;
        if (reason == null) {
            return true;
        }
        if ((link || settled(path)) && !stuck.contains(path)) {
            setAside(path, name, "inbox/" + entry.getRelativeFilePath().replace('\\', '/'), reason);
        }
        return false;
    }

    private static String linkReason(boolean toFolder) {
        return "is a symbolic link" + (toFolder ? " to a folder" : "") + ": the inbox takes only files and template"
                + " folders of its own (a link could make the service read or move files outside the inbox); the link"
                + " was set aside, what it points to was not read or touched";
    }

    private boolean settled(Path path) {
        try {
            long modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
            return clock.millis() - modified >= settle.toMillis();
        } catch (IOException goneMeanwhile) {
            return false;
        }
    }

    private void setAside(Path entry, String name, String shown, String reason) {
        String errorName = errorFileName(name);
        String text = shown + ": " + reason + (errorName.equals(name + ERROR_SUFFIX) ? ""
                : " (" + name + ERROR_SUFFIX + " would be too long a file name: this reason is in " + errorName + ")");
        try {
            Files.createDirectories(errors);
            // A move renames the entry itself: for a link, the link, never the file or folder it points to.
            Files.move(entry, errors.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            writeOwnerOnly(errors.resolve(errorName), text + "\n");
            LOG.warn("Rejected {}", LogText.escape(text));
        } catch (IOException | RuntimeException e) {
            stuck.add(entry);
            LOG.warn("Cannot set aside {} ({}); it is ignored: {}", LogText.escape(shown), LogText.escape(reason),
                    LogText.escape(e.toString()));
        }
    }

    /**
     * {@code <name>.error.txt}, or, when that is longer than a file name may be, the name cut short with a hash of the
     * whole name: {@code <start>~<8 hex>.error.txt}, the same for the same name.
     */
    public static String errorFileName(String name) {
        String whole = name + ERROR_SUFFIX;
        if (utf8Length(whole) <= NAME_MAX_BYTES) {
            return whole;
        }
        String tail = "~" + HexFormat.of().formatHex(sha256(name), 0, 4) + ERROR_SUFFIX;
        int budget = NAME_MAX_BYTES - tail.length();
        StringBuilder start = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int bytes = utf8Length(new String(Character.toChars(cp)));
            if (used + bytes > budget) {
                break;
            }
            start.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return start + tail;
    }

    /** Readable by the service's own user only, from its creation on: it names files and may quote a header. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            // Written meanwhile by the route for the same name: overwritten below.
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(text);
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
