package dev.teamsproactive.observe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files the drop folder set aside: each {@code inbox/.error/<name>.error.txt} with its reason, newest first.
 * Read for the status page; a reason is cut to {@link #MAX_REASON_CHARS}, and links are not followed.
 */
final class RejectedFiles {
    static final int MAX_LISTED = 50;
    static final int MAX_REASON_CHARS = 2000;
    private static final String SUFFIX = ".error.txt";

    /** One rejected file: its name in the inbox, why, and when it was set aside. */
    record Rejected(String file, String reason, Instant at) {
    }

    private RejectedFiles() {
    }

    static List<Rejected> in(Path inbox) {
        Path errors = inbox.resolve(".error");
        List<Rejected> found = new ArrayList<>();
        if (!Files.isDirectory(errors, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(errors, "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    String name = file.getFileName().toString();
                    found.add(new Rejected(name.substring(0, name.length() - SUFFIX.length()), reason(file),
                            Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()));
                }
            }
        } catch (IOException unreadable) {
            // The page shows what could be read; the folder may be changing under it.
        }
        found.sort(Comparator.comparing(Rejected::at).reversed().thenComparing(Rejected::file));
        return found.size() > MAX_LISTED ? new ArrayList<>(found.subList(0, MAX_LISTED)) : found;
    }

    private static String reason(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] start = in.readNBytes(MAX_REASON_CHARS * 4);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(start)).toString().strip();
            return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
        }
    }
}
