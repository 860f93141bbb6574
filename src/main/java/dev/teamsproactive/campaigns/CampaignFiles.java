package dev.teamsproactive.campaigns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.teamsproactive.props.Props;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Tells a campaign file from a recipients file: a firing carries its campaign; a {@code .yaml} file is a
 * campaign; a JSON file is one when its object has an {@code "audience"} ({@code {"template":…,"audience":{…}}}),
 * otherwise it is a recipients file.
 */
public final class CampaignFiles {
    private static final JsonFactory JSON = new JsonFactory();

    private CampaignFiles() {
    }

    /** The campaign the exchange is about, or null when its file is a recipients file. */
    public static CampaignDefinition definitionOf(Exchange exchange) {
        CampaignDefinition fired = exchange.getProperty(CampaignSchedules.DEFINITION, CampaignDefinition.class);
        if (fired != null) {
            return fired;
        }
        String campaignFile = exchange.getProperty(Props.CAMPAIGN_FILE, String.class);
        if (campaignFile == null) {
            return null;
        }
        Path file = Path.of(campaignFile);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String source = exchange.getProperty(Props.SOURCE, file.getFileName().toString(), String.class);
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") && namesAnAudience(file)) {
            return DefinitionReader.read(file, source, false);
        }
        return null;
    }

    /** Reads only the top-level keys (values are skipped): a large recipients file costs one pass at most. */
    static boolean namesAnAudience(Path file) {
        try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if ("audience".equals(key)) {
                    return true;
                }
                if ("recipients".equals(key)) {
                    return false;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            // Not JSON enough to be a campaign: the recipients reader says what is wrong with it.
            return false;
        }
    }
}
