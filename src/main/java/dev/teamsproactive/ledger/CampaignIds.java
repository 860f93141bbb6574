package dev.teamsproactive.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Campaign ids derived from their source, so the same source is always the same campaign: a
 * readable slug of the file name plus the start of its content's SHA-256, or a schedule's name plus
 * its fire time. Ids use only {@code [a-z0-9._-]}, start with a letter or digit and stay short, so
 * they are safe as folder names ({@code reports/<campaignId>/}) on every file system.
 */
public final class CampaignIds {
    public static final int MAX_LENGTH = 100;
    private static final int SLUG_MAX_LENGTH = 64;
    private static final int HASH_HEX_CHARS = 12;
    private static final int TEMPLATE_SLUG_MAX_LENGTH = 8;
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CampaignIds() {
    }

    /**
     * The id of a recipients file: {@code <slug of its name without extension>-<12 hex of SHA-256>}.
     * Reads {@code content} to its end (the caller closes it); the file is never held in memory.
     */
    public static String forFile(String fileName, InputStream content) throws IOException {
        return slug(baseName(fileName), "file") + "-" + sha256Prefix(content);
    }

    public static String forFile(Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            return forFile(file.getFileName().toString(), content);
        }
    }

    /**
     * The id of a file sent with a template other than its own (the one it names, else the default): the file's id
     * plus {@code .<slug of the template>} (at most 8 characters), and 4 hex of the name's SHA-256 when the slug does
     * not spell it exactly (so the id, dry-run suffix included, stays within {@link #MAX_LENGTH}).
     * So the same file with another template is another campaign, while every file sent with its own template keeps
     * the id it always had.
     */
    public static String withTemplate(String fileId, String template) {
        String slug = slug(template, "template");
        if (slug.length() > TEMPLATE_SLUG_MAX_LENGTH) {
            slug = trimSeparators(slug.substring(0, TEMPLATE_SLUG_MAX_LENGTH));
        }
        if (!slug.equals(template)) {
            slug = slug + "-" + sha256Prefix(template.getBytes(StandardCharsets.UTF_8), 4);
        }
        return fileId + "." + slug;
    }

    /** The id of one firing of a schedule: {@code <slug of its name>-<fire time as 20250102t030405z>}. */
    public static String forSchedule(String name, Instant fireTime) {
        String time = FIRE_TIME.format(fireTime.truncatedTo(ChronoUnit.SECONDS)).toLowerCase(Locale.ROOT);
        return slug(name, "schedule") + "-" + time;
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    static String requireSafe(String id) {
        if (!isSafe(id)) {
            throw new IllegalArgumentException("not a campaign id (only [a-z0-9._-], at most " + MAX_LENGTH
                    + " characters, starting with a letter or digit): " + id);
        }
        return id;
    }

    /** Lower-case ASCII letters and digits, accents dropped (é → e), any other run of characters → one '-'. */
    static String slug(String text, String fallback) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = trimSeparators(ascii.replaceAll("[^a-z0-9._]+", "-"));
        if (slug.length() > SLUG_MAX_LENGTH) {
            slug = trimSeparators(slug.substring(0, SLUG_MAX_LENGTH));
        }
        return slug.isEmpty() ? fallback : slug;
    }

    private static String trimSeparators(String text) {
        return text.replaceAll("^[-._]+|[-._]+$", "");
    }

    /** The file's own name, without folders (Camel's file names may carry them) or its extension. */
    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String sha256Prefix(InputStream content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) != -1;) {
            sha256.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_HEX_CHARS);
    }

    private static String sha256Prefix(byte[] bytes, int hexChars) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
