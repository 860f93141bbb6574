package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.RejectedInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A campaign file's {@code audience:}: exactly one kind, its ids checked, a recipients file kept inside the file's folder. */
final class AudienceReader {
    static final List<String> KINDS = List.of("users", "file", "group", "team", "channel", "allUsers");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final CampaignYaml yaml;
    private final String file;
    private final Path folder;

    AudienceReader(CampaignYaml yaml, String file, Path folder) {
        this.yaml = yaml;
        this.file = file;
        this.folder = folder;
    }

    Audience read(Node node) {
        Map<String, NodeTuple> kinds = yaml.mapping(node, "the audience", KINDS);
        if (kinds.size() != 1) {
            throw yaml.reject(node, "the audience names exactly one of " + String.join(", ", KINDS)
                    + (kinds.isEmpty() ? "" : " (found " + String.join(", ", kinds.keySet()) + ")"));
        }
        Map.Entry<String, NodeTuple> only = kinds.entrySet().iterator().next();
        Node value = only.getValue().getValueNode();
        return switch (only.getKey()) {
            case "users" -> new Audience(Audience.Kind.USERS, users(value), null, null, null, null);
            case "file" -> new Audience(Audience.Kind.FILE, null, recipientsFile(value), null, null, null);
            case "group" -> new Audience(Audience.Kind.GROUP, null, null, guid(value, "group"), null, null);
            case "team" -> new Audience(Audience.Kind.TEAM, null, null, guid(value, "team"), null, null);
            case "channel" -> channel(value);
            default -> allUsers(value);
        };
    }

    private List<String> users(Node node) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw yaml.reject(node, "users is a list of object ids, UPNs or mail addresses, e.g. [ada@contoso.example]");
        }
        List<String> users = new ArrayList<>();
        for (Node item : list.getValue()) {
            users.add(yaml.scalar(item, "each user"));
        }
        return users;
    }

    /**
     * The recipients file, inside the campaign file's own folder (config/campaigns/ for a schedule, the inbox for a
     * dropped campaign): an absolute path, a '..' or a link leading out of it is refused before anything is read, so
     * a campaign file cannot make the service read (and quote, or send to) a file elsewhere.
     */
    private Path recipientsFile(Node node) {
        String named = yaml.scalar(node, "file");
        Path relative;
        try {
            relative = Path.of(named);
        } catch (InvalidPathException e) {
            throw yaml.reject(node, "'" + named + "' is not a file name");
        }
        if (relative.isAbsolute() || named.startsWith("/") || named.startsWith("\\") || named.matches("[A-Za-z]:.*")) {
            throw yaml.reject(node, "the recipients file is named by an absolute path: a campaign reads only files in its"
                    + " own folder, named relative to it (file: people.csv)");
        }
        for (String part : named.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw yaml.reject(node, "the recipients file's path goes up with '..': a campaign reads only files in its"
                        + " own folder, named relative to it (file: people.csv)");
            }
        }
        Path resolved = folder.resolve(relative).normalize();
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (IOException e) {
            throw yaml.reject(node, "no recipients file " + named + " in the campaign file's folder (a relative path starts there)");
        }
        if (!real.startsWith(realFolder())) {
            throw yaml.reject(node, "the recipients file " + named + " is a link to a file outside the campaign file's folder:"
                    + " a campaign reads only files in its own folder");
        }
        if (!Files.isRegularFile(real)) {
            throw yaml.reject(node, "the recipients file " + named + " is not a file");
        }
        return resolved;
    }

    private Path realFolder() {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new RejectedInputException(file, "its folder cannot be read: " + e.getMessage(), e);
        }
    }

    private Audience channel(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(node, "channel", List.of("team", "name"));
        if (!fields.containsKey("team")) {
            throw yaml.reject(node, "channel needs the team's id: channel: {team: <id>, name: General}");
        }
        String team = guid(fields.get("team").getValueNode(), "team");
        String name = fields.containsKey("name") ? yaml.scalar(fields.get("name").getValueNode(), "name") : null;
        return new Audience(Audience.Kind.CHANNEL, null, null, team, name, null);
    }

    private Audience allUsers(Node node) {
        if (node instanceof ScalarNode s) {
            if (!"true".equals(s.getValue())) {
                throw yaml.reject(node, "allUsers is true, or {filter: \"…\"} for an OData filter of your own");
            }
            return new Audience(Audience.Kind.ALL_USERS, null, null, null, null, Audience.ENABLED_MEMBERS);
        }
        Map<String, NodeTuple> fields = yaml.mapping(node, "allUsers", List.of("filter"));
        String filter = fields.containsKey("filter") ? yaml.scalar(fields.get("filter").getValueNode(), "filter")
                : Audience.ENABLED_MEMBERS;
        if (filter.contains("&") || filter.contains("#")) {
            // It becomes the value of $filter in the query: these would end it early.
            throw yaml.reject(fields.get("filter").getValueNode(), "the filter may not contain & or #");
        }
        return new Audience(Audience.Kind.ALL_USERS, null, null, null, null, filter);
    }

    private String guid(Node node, String what) {
        String id = yaml.scalar(node, what);
        if (!GUID.matcher(id).matches()) {
            throw yaml.reject(node, "the " + what + " is named by its object id (a GUID such as 030eb94f-70e4-5632-925b-849673335bab), not '" + id + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
