package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import dev.teamsproactive.app.AppPackageIds;
import dev.teamsproactive.app.BuiltInSandbox;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.testsupport.AdaptiveCardSchema;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code manifest --out teams-app.zip}: the package a tenant admin uploads is valid against the Teams app manifest
 * 1.29 schema (read from the shared reference folder), names the right bot, carries usable icons, and asks for the
 * read-receipt permission only when read receipts are on.
 */
class ManifestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "11111111-2222-4333-8444-555555555555";
    private static final String CLIENT_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final String BOT_ID = "99999999-8888-4777-8666-555555555555";

    @TempDir
    Path dir;

    @Test
    void againstTheSandboxThePackageBuildsOutOfTheBoxAndIsValid() throws IOException {
        Path zip = dir.resolve("out/teams-app.zip");

        List<String> out = manifest(config(Map.of()), zip);

        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertValidManifest(manifest);
        BuiltInSandbox.DefaultTenant sandbox = BuiltInSandbox.defaultTenant();
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.29");
        assertThat(manifest.path("id").asText()).isEqualTo(sandbox.appExternalId());
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(sandbox.clientId());
        assertThat(manifest.path("bots").get(0).path("scopes").toString()).isEqualTo("[\"personal\"]");
        assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo(sandbox.clientId());
        assertThat(manifest.has("authorization")).as("no read-receipt permission by default").isFalse();
        assertThat(manifest.has("validDomains")).as("no public bot endpoint set").isFalse();
        assertIcons(files);
        assertThat(String.join("\n", out)).contains("placeholders").contains("replace color.png");
    }

    @Test
    void forATenantItNamesTheBotAndAsksForReadReceiptsWhenTheyAreOn() throws IOException {
        Map<String, String> tenant = Map.of("teams.tenant-id", "contoso.onmicrosoft.com", "teams.client-id", CLIENT_ID,
                "teams.app-external-id", APP_ID, "teams.bot-app-id", BOT_ID,
                "teams.bot-endpoint.public-url", "https://bot.contoso.example/api/messages");
        Path without = dir.resolve("without.zip");
        Path with = dir.resolve("with.zip");

        manifest(config(tenant), without);
        Map<String, String> receipts = new LinkedHashMap<>(tenant);
        receipts.put("teams.read-receipts.enabled", "true");
        manifest(config(receipts), with);

        JsonNode plain = JSON.readTree(unzip(without).get("manifest.json"));
        JsonNode asking = JSON.readTree(unzip(with).get("manifest.json"));
        assertValidManifest(plain);
        assertValidManifest(asking);
        for (JsonNode manifest : List.of(plain, asking)) {
            assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
            assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(BOT_ID);
            assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo(CLIENT_ID);
            assertThat(manifest.path("validDomains").toString()).isEqualTo("[\"bot.contoso.example\"]");
        }
        assertThat(plain.has("authorization")).isFalse();
        assertThat(asking.at("/authorization/permissions/resourceSpecific").toString())
                .isEqualTo("[{\"name\":\"ChatMessageReadReceipt.Read.Chat\",\"type\":\"Application\"}]");
    }

    @Test
    void aTenantWithoutTheAppIdIsAClearErrorAndWritesNothing() throws IOException {
        Path config = config(Map.of("teams.tenant-id", "contoso.onmicrosoft.com", "teams.client-id", CLIENT_ID));
        Path zip = dir.resolve("teams-app.zip");

        assertThatThrownBy(() -> AppPackageIds.resolve(Settings.load(config, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teams.app-external-id").hasMessageContaining("TEAMS_APP_EXTERNAL_ID");
        assertThat(silently(() -> new CommandLine(new Main()).execute("manifest", "--config", config.toString(),
                "--out", zip.toString()))).isNotZero();
        assertThat(zip).doesNotExist();
    }

    @Test
    void anAppIdThatIsNotAGuidIsNamed() throws IOException {
        Path config = config(Map.of("teams.tenant-id", "contoso.onmicrosoft.com", "teams.client-id", CLIENT_ID,
                "teams.app-external-id", "my-app"));

        assertThatThrownBy(() -> AppPackageIds.resolve(Settings.load(config, Map.of())))
                .hasMessageContaining("teams.app-external-id").hasMessageContaining("GUID").hasMessageContaining("my-app");
    }

    @Test
    void theSchemaCheckCatchesABrokenManifest() throws IOException {
        Path zip = dir.resolve("teams-app.zip");
        manifest(config(Map.of()), zip);
        ObjectNode broken = (ObjectNode) JSON.readTree(unzip(zip).get("manifest.json"));
        broken.put("manifestVersion", "1.28");
        ((ObjectNode) broken.path("bots").get(0)).put("botId", "not-a-guid");

        assertThat(String.join("\n", schemaProblems(broken))).contains("manifestVersion").contains("botId");
    }

    private static void assertIcons(Map<String, byte[]> files) throws IOException {
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(files.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(files.get("outline.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int transparent = 0;
        int drawn = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                if ((argb >>> 24) == 0) {
                    transparent++;
                } else {
                    drawn++;
                    assertThat(argb & 0xFFFFFF).as("outline pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).as("transparent pixels").isPositive();
        assertThat(drawn).as("white pixels").isPositive();
    }

    private static void assertValidManifest(JsonNode manifest) throws IOException {
        assertThat(schemaProblems(manifest)).as("problems of %s", manifest).isEmpty();
    }

    private static List<String> schemaProblems(JsonNode manifest) throws IOException {
        Path schemaFile = AdaptiveCardSchema.referenceDir().resolve("teams-app-manifest-1.29.schema.json");
        // The schema's patterns are ECMA-262 regexes (e.g. \b and \v inside a class), which java.util.regex rejects.
        SchemaValidatorsConfig ecma = SchemaValidatorsConfig.builder()
                .regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build();
        // The file declares draft-04 but uses draft-07's const, if and then (manifestVersion "1.29" is a const):
        // read it with draft-07's keywords, so those constrain too.
        JsonMetaSchema draft07Keywords = JsonMetaSchema.builder("http://json-schema.org/draft-04/schema#",
                JsonMetaSchema.getV7()).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.metaSchema(draft07Keywords))
                .getSchema(JSON.readTree(Files.readString(schemaFile)), ecma);
        return schema.validate(manifest).stream().map(ValidationMessage::toString).toList();
    }

    private List<String> manifest(Path config, Path zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Main()).execute("manifest", "--config", config.toString(), "--out", zip.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as("exit code; output: %s", out).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static int silently(java.util.function.IntSupplier command) {
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return command.getAsInt();
        } finally {
            System.setErr(original);
        }
    }

    /** A config folder whose application.properties sets these (the packaged defaults supply the rest). */
    private Path config(Map<String, String> settings) throws IOException {
        Path config = Files.createTempDirectory(dir, "config");
        StringBuilder file = new StringBuilder();
        settings.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Files.writeString(config.resolve("application.properties"), file);
        return config;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                files.put(e.getName(), entries.readAllBytes());
            }
        }
        return files;
    }
}
