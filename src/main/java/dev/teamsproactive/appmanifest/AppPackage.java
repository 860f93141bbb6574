package dev.teamsproactive.appmanifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.config.Settings;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package a tenant admin uploads: a zip of manifest.json (Teams app manifest 1.29) and two icons.
 * The manifest names the bot (so Teams delivers card presses and replies to it, in personal chats), the Entra app
 * in {@code webApplicationInfo} (Graph's ...Self... installation permissions need it) and, when read receipts are
 * on, the resource-specific permission that makes Teams send them. Its texts come from {@code teams.app-package.*}.
 */
public final class AppPackage {
    public static final String MANIFEST_VERSION = "1.29";
    public static final String SCHEMA_URL =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json";
    public static final String READ_RECEIPT_PERMISSION = "ChatMessageReadReceipt.Read.Chat";
    public static final String COLOR_ICON = "color.png";
    public static final String OUTLINE_ICON = "outline.png";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /**
     * The ids the manifest carries: the Teams app's own id (teams.app-external-id), the bot's app id and the Entra
     * app that calls Graph (webApplicationInfo).
     */
    public record Ids(String appId, String botAppId, String clientId) {
    }

    private AppPackage() {
    }

    /** The manifest for these ids and settings; a setting that cannot work is an error naming it. */
    public static ObjectNode manifest(Settings settings, Ids ids) {
        ObjectNode m = JSON.createObjectNode();
        m.put("$schema", SCHEMA_URL);
        m.put("manifestVersion", MANIFEST_VERSION);
        m.put("version", settings.require("teams.app-package.version"));
        m.put("id", ids.appId());
        ObjectNode developer = m.putObject("developer");
        developer.put("name", text(settings, "teams.app-package.developer-name", 32));
        developer.put("websiteUrl", httpsUrl(settings, "teams.app-package.website-url"));
        developer.put("privacyUrl", httpsUrl(settings, "teams.app-package.privacy-url"));
        developer.put("termsOfUseUrl", httpsUrl(settings, "teams.app-package.terms-url"));
        ObjectNode name = m.putObject("name");
        name.put("short", text(settings, "teams.app-package.short-name", 30));
        name.put("full", text(settings, "teams.app-package.full-name", 100));
        ObjectNode description = m.putObject("description");
        description.put("short", text(settings, "teams.app-package.short-description", 80));
        description.put("full", text(settings, "teams.app-package.full-description", 4000));
        ObjectNode icons = m.putObject("icons");
        icons.put("outline", OUTLINE_ICON);
        icons.put("color", COLOR_ICON);
        m.put("accentColor", accentColor(settings));
        ObjectNode bot = m.putArray("bots").addObject();
        bot.put("botId", ids.botAppId());
        bot.putArray("scopes").add("personal");
        bot.put("isNotificationOnly", false);
        ObjectNode webApp = m.putObject("webApplicationInfo");
        webApp.put("id", ids.clientId());
        webApp.put("resource", settings.get("teams.app-package.resource").orElse("api://" + ids.clientId()));
        botEndpointHost(settings).ifPresent(host -> m.putArray("validDomains").add(host));
        if (readReceipts(settings)) {
            ObjectNode permission = m.putObject("authorization").putObject("permissions").putArray("resourceSpecific")
                    .addObject();
            permission.put("name", READ_RECEIPT_PERMISSION);
            permission.put("type", "Application");
        }
        return m;
    }

    /** Writes the package (manifest.json, color.png, outline.png) to {@code out}; returns its manifest. */
    public static ObjectNode write(Path out, Settings settings, Ids ids) throws IOException {
        ObjectNode manifest = manifest(settings, ids);
        byte[] color = PlaceholderIcons.color(Color.decode(manifest.get("accentColor").asText()));
        byte[] outline = PlaceholderIcons.outline();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, "manifest.json", JSON.writeValueAsBytes(manifest));
            entry(zip, COLOR_ICON, color);
            entry(zip, OUTLINE_ICON, outline);
        }
        return manifest;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static boolean readReceipts(Settings settings) {
        String value = settings.require("teams.read-receipts.enabled").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("The setting teams.read-receipts.enabled must be true or false, not '"
                    + value + "'");
        }
        return value.equals("true");
    }

    private static String text(Settings settings, String key, int maxLength) {
        String value = settings.require(key);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("The setting " + key + " is " + value.length()
                    + " characters long; a Teams app manifest allows at most " + maxLength);
        }
        return value;
    }

    private static String httpsUrl(Settings settings, String key) {
        String value = settings.require(key);
        if (!value.startsWith("https://") || hostOf(value).isEmpty()) {
            throw new IllegalArgumentException("The setting " + key + " must be an https:// URL, not '" + value + "'");
        }
        return value;
    }

    private static String accentColor(Settings settings) {
        String value = settings.require("teams.app-package.accent-color");
        if (!HEX_COLOR.matcher(value).matches()) {
            throw new IllegalArgumentException("The setting teams.app-package.accent-color must be a colour like"
                    + " #4464EE, not '" + value + "'");
        }
        return value;
    }

    /** The host Teams reaches the bot at, from teams.bot-endpoint.public-url when it is set. */
    private static Optional<String> botEndpointHost(Settings settings) {
        return settings.get("teams.bot-endpoint.public-url").map(url -> hostOf(url).orElseThrow(() ->
                new IllegalArgumentException("The setting teams.bot-endpoint.public-url must be a URL such as"
                        + " https://bot.contoso.example/api/messages, not '" + url + "'")));
    }

    private static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
