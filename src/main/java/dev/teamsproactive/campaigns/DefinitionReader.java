package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.RejectedInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a campaign file (YAML, or JSON, which is YAML too) into a {@link CampaignDefinition}. Every
 * problem is a {@link RejectedInputException} naming the file, the line and what is wrong; unknown keys
 * are refused so a misspelt {@code dryrun:} never sends for real.
 */
public final class DefinitionReader {
    private static final int MAX_BYTES = 256 * 1024;
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final List<String> KEYS = List.of("name", "description", "cron", "timeZone", "template",
            "audience", "variables", "start", "end", "enabled", "dryRun");
    private static final List<String> AUDIENCES = List.of("users", "file", "group", "team", "channel", "allUsers");

    private final String file;
    private final Path folder;

    private DefinitionReader(String file, Path folder) {
        this.file = file;
        this.folder = folder;
    }

    /**
     * @param shownAs  how messages name the file (e.g. {@code campaigns/digest.yaml})
     * @param schedule true for config/campaigns/: a cron is required
     */
    public static CampaignDefinition read(Path path, String shownAs, boolean schedule) {
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new RejectedInputException(shownAs, "a campaign file is at most " + MAX_BYTES / 1024 + " KB");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(shownAs, "is not UTF-8 text");
        } catch (IOException e) {
            throw new RejectedInputException(shownAs, "cannot be read: " + e.getMessage(), e);
        }
        Path folder = path.toAbsolutePath().getParent();
        return new DefinitionReader(shownAs, folder).parse(text, baseName(path), schedule);
    }

    private CampaignDefinition parse(String text, String defaultName, boolean schedule) {
        Node root;
        try {
            Optional<Node> composed = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
            root = composed.orElseThrow(() -> new RejectedInputException(file, "is empty"));
        } catch (MarkedYamlEngineException e) {
            int line = line(e);
            throw new RejectedInputException(file, line, "not valid YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new RejectedInputException(file, "not valid YAML: " + e.getMessage(), e);
        }
        Map<String, NodeTuple> fields = mapping(root, "a campaign file", KEYS);
        String name = text(fields, "name", defaultName);
        if (!NAME.matcher(name).matches()) {
            throw reject(valueOf(fields, "name", root), "the name must be 1 to 64 letters, digits, spaces, '.', '_' or '-'");
        }
        ZoneId zone = zone(fields);
        String cron = text(fields, "cron", null);
        if (cron != null) {
            checkCron(cron, valueOf(fields, "cron", root));
        } else if (schedule) {
            throw reject(root, "no cron: a scheduled campaign needs one, e.g. cron: \"0 0 9 ? * MON\" (Mondays at 9:00)");
        }
        if (!fields.containsKey("audience")) {
            throw reject(root, "no audience: add one of " + String.join(", ", AUDIENCES));
        }
        Audience audience = audience(fields.get("audience").getValueNode());
        Instant start = instant(fields, "start", zone, false);
        Instant end = instant(fields, "end", zone, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw reject(valueOf(fields, "end", root), "the end comes before the start");
        }
        return new CampaignDefinition(name, file, cron, zone, text(fields, "template", null), audience,
                variables(fields), start, end, bool(fields, "enabled", true), bool(fields, "dryRun", false), lines(fields));
    }

    /**
     * The line the mistake is on. The scanner notices an unclosed quote or bracket, or a key without its ':', only
     * on a later line (the problem mark); the construct it was reading began on the line to name (the context
     * mark). A block mapping's context is where the mapping began, often the first line: there the problem mark is right.
     */
    private static int line(MarkedYamlEngineException e) {
        boolean contextNamesTheLine = e.getContext() != null && !e.getContext().contains("block");
        Optional<Mark> mark = contextNamesTheLine ? e.getContextMark().or(e::getProblemMark)
                : e.getProblemMark().or(e::getContextMark);
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static Map<String, Integer> lines(Map<String, NodeTuple> fields) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        fields.forEach((key, tuple) -> tuple.getKeyNode().getStartMark().ifPresent(m -> lines.put(key, m.getLine() + 1)));
        return lines;
    }

    private Audience audience(Node node) {
        Map<String, NodeTuple> kinds = mapping(node, "the audience", AUDIENCES);
        if (kinds.size() != 1) {
            throw reject(node, "the audience names exactly one of " + String.join(", ", AUDIENCES)
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
            throw reject(node, "users is a list of object ids, UPNs or mail addresses, e.g. [ada@contoso.example]");
        }
        List<String> users = new ArrayList<>();
        for (Node item : list.getValue()) {
            users.add(scalar(item, "each user"));
        }
        return users;
    }

    /**
     * The recipients file, inside the campaign file's own folder (config/campaigns/ for a schedule, the inbox for a
     * dropped campaign): an absolute path, a '..' or a link leading out of it is refused before anything is read, so
     * a campaign file cannot make the service read (and quote, or send to) a file elsewhere.
     */
    private Path recipientsFile(Node node) {
        String named = scalar(node, "file");
        Path relative;
        try {
            relative = Path.of(named);
        } catch (InvalidPathException e) {
            throw reject(node, "'" + named + "' is not a file name");
        }
        if (relative.isAbsolute() || named.startsWith("/") || named.startsWith("\\") || named.matches("[A-Za-z]:.*")) {
            throw reject(node, "the recipients file is named by an absolute path: a campaign reads only files in its"
                    + " own folder, named relative to it (file: people.csv)");
        }
        for (String part : named.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw reject(node, "the recipients file's path goes up with '..': a campaign reads only files in its"
                        + " own folder, named relative to it (file: people.csv)");
            }
        }
        Path resolved = folder.resolve(relative).normalize();
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (IOException e) {
            throw reject(node, "no recipients file " + named + " in the campaign file's folder (a relative path starts there)");
        }
        if (!real.startsWith(realFolder())) {
            throw reject(node, "the recipients file " + named + " is a link to a file outside the campaign file's folder:"
                    + " a campaign reads only files in its own folder");
        }
        if (!Files.isRegularFile(real)) {
            throw reject(node, "the recipients file " + named + " is not a file");
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
        Map<String, NodeTuple> fields = mapping(node, "channel", List.of("team", "name"));
        if (!fields.containsKey("team")) {
            throw reject(node, "channel needs the team's id: channel: {team: <id>, name: General}");
        }
        String team = guid(fields.get("team").getValueNode(), "team");
        String name = fields.containsKey("name") ? scalar(fields.get("name").getValueNode(), "name") : null;
        return new Audience(Audience.Kind.CHANNEL, null, null, team, name, null);
    }

    private Audience allUsers(Node node) {
        if (node instanceof ScalarNode s) {
            if (!"true".equals(s.getValue())) {
                throw reject(node, "allUsers is true, or {filter: \"…\"} for an OData filter of your own");
            }
            return new Audience(Audience.Kind.ALL_USERS, null, null, null, null, Audience.ENABLED_MEMBERS);
        }
        Map<String, NodeTuple> fields = mapping(node, "allUsers", List.of("filter"));
        String filter = fields.containsKey("filter") ? scalar(fields.get("filter").getValueNode(), "filter")
                : Audience.ENABLED_MEMBERS;
        if (filter.contains("&") || filter.contains("#")) {
            // It becomes the value of $filter in the query: these would end it early.
            throw reject(fields.get("filter").getValueNode(), "the filter may not contain & or #");
        }
        return new Audience(Audience.Kind.ALL_USERS, null, null, null, null, filter);
    }

    private String guid(Node node, String what) {
        String id = scalar(node, what);
        if (!GUID.matcher(id).matches()) {
            throw reject(node, "the " + what + " is named by its object id (a GUID such as 030eb94f-70e4-5632-925b-849673335bab), not '" + id + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private ZoneId zone(Map<String, NodeTuple> fields) {
        if (!fields.containsKey("timeZone")) {
            return ZoneOffset.UTC;
        }
        Node node = fields.get("timeZone").getValueNode();
        try {
            return ZoneId.of(scalar(node, "timeZone"));
        } catch (DateTimeException e) {
            throw reject(node, "unknown time zone (use a region such as Europe/Berlin, or UTC)");
        }
    }

    private void checkCron(String cron, Node node) {
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw reject(node, "not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week"
                    + " [year], e.g. \"0 0 9 ? * MON\"): " + e.getMessage());
        }
    }

    /** A date (start: its first moment; end: its last) or a date-time, in the campaign's zone unless it has an offset. */
    private Instant instant(Map<String, NodeTuple> fields, String key, ZoneId zone, boolean endOfDay) {
        if (!fields.containsKey(key)) {
            return null;
        }
        Node node = fields.get(key).getValueNode();
        String value = scalar(node, key);
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw reject(node, key + " is a date (2026-01-31) or a date and time (2026-01-31T09:00)");
        }
    }

    private Map<String, String> variables(Map<String, NodeTuple> fields) {
        if (!fields.containsKey("variables")) {
            return Map.of();
        }
        Node node = fields.get("variables").getValueNode();
        if (!(node instanceof MappingNode map)) {
            throw reject(node, "variables is a map of names to text, e.g. {headline: \"…\"}");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            variables.put(scalar(t.getKeyNode(), "a variable's name"), scalar(t.getValueNode(), "a variable's value"));
        }
        return variables;
    }

    private boolean bool(Map<String, NodeTuple> fields, String key, boolean fallback) {
        if (!fields.containsKey(key)) {
            return fallback;
        }
        Node node = fields.get(key).getValueNode();
        String value = scalar(node, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw reject(node, key + " is true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private String text(Map<String, NodeTuple> fields, String key, String fallback) {
        return fields.containsKey(key) ? scalar(fields.get(key).getValueNode(), key) : fallback;
    }

    private static Node valueOf(Map<String, NodeTuple> fields, String key, Node fallback) {
        return fields.containsKey(key) ? fields.get(key).getValueNode() : fallback;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw reject(node, what + " must be a single value");
        }
        return s.getValue().strip();
    }

    /** The keys of a mapping node, each once, all of them among {@code allowed}. */
    private Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw reject(node, what + " must be a map of keys (" + String.join(", ", allowed) + ")");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                throw reject(t.getKeyNode(), "unknown key " + (key == null ? "" : "'" + key + "' ") + "in " + what
                        + " (known: " + String.join(", ", allowed) + ")");
            }
            if (!seen.add(key)) {
                throw reject(t.getKeyNode(), "'" + key + "' appears twice");
            }
            fields.put(key, t);
        }
        return fields;
    }

    private RejectedInputException reject(Node node, String reason) {
        int line = node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
        return new RejectedInputException(file, line, reason);
    }

    private static String baseName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
