package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.RejectedInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Reads a campaign file (YAML, or JSON, which is YAML too) into a {@link CampaignDefinition}. Every
 * problem is a {@link RejectedInputException} naming the file, the line and what is wrong; unknown keys
 * are refused so a misspelt {@code dryrun:} never sends for real.
 */
public final class DefinitionReader {
    private static final int MAX_BYTES = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");
    private static final List<String> KEYS = List.of("name", "description", "cron", "timeZone", "template",
            "audience", "variables", "start", "end", "enabled", "dryRun", "reminder");

    private final String file;
    private final CampaignYaml yaml;
    private final AudienceReader audiences;

    private DefinitionReader(String file, Path folder) {
        this.file = file;
        this.yaml = new CampaignYaml(file);
        this.audiences = new AudienceReader(yaml, file, folder);
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
        Map<String, NodeTuple> fields = yaml.mapping(root, "a campaign file", KEYS);
        String name = yaml.text(fields, "name", defaultName);
        if (!NAME.matcher(name).matches()) {
            throw yaml.reject(CampaignYaml.valueOf(fields, "name", root),
                    "the name must be 1 to 64 letters, digits, spaces, '.', '_' or '-'");
        }
        ZoneId zone = zone(fields);
        String cron = yaml.text(fields, "cron", null);
        if (cron != null) {
            checkCron(cron, CampaignYaml.valueOf(fields, "cron", root));
        } else if (schedule) {
            throw yaml.reject(root, "no cron: a scheduled campaign needs one, e.g. cron: \"0 0 9 ? * MON\" (Mondays at 9:00)");
        }
        if (!fields.containsKey("audience")) {
            throw yaml.reject(root, "no audience: add one of " + String.join(", ", AudienceReader.KINDS));
        }
        Audience audience = audiences.read(fields.get("audience").getValueNode());
        Instant start = instant(fields, "start", zone, false);
        Instant end = instant(fields, "end", zone, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw yaml.reject(CampaignYaml.valueOf(fields, "end", root), "the end comes before the start");
        }
        CampaignReminder reminder = reminder(fields);
        if (reminder != null && cron == null) {
            throw yaml.reject(fields.get("reminder").getKeyNode(), "reminder: follows a schedule's firings and this"
                    + " campaign has no cron (a one-off campaign is reminded with the remind command)");
        }
        return new CampaignDefinition(name, file, cron, zone, yaml.text(fields, "template", null), audience,
                variables(fields), start, end, yaml.bool(fields, "enabled", true), yaml.bool(fields, "dryRun", false),
                lines(fields), reminder);
    }

    /** {@code reminder: {after: P2D, template: NAME}}: after, an ISO-8601 duration, is required; template is not. */
    private CampaignReminder reminder(Map<String, NodeTuple> fields) {
        if (!fields.containsKey("reminder")) {
            return null;
        }
        Node node = fields.get("reminder").getValueNode();
        Map<String, NodeTuple> reminder = yaml.mapping(node, "reminder", List.of("after", "template"));
        if (!reminder.containsKey("after")) {
            throw yaml.reject(node, "reminder: needs after, how long after each firing, e.g. after: P2D (two days)");
        }
        Node afterNode = reminder.get("after").getValueNode();
        String after = yaml.scalar(afterNode, "after");
        java.time.Duration duration;
        try {
            duration = java.time.Duration.parse(after);
        } catch (DateTimeParseException e) {
            throw yaml.reject(afterNode, "reminder after: '" + after + "' is not an ISO-8601 duration such as P2D (two days)"
                    + " or PT4H (four hours)");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw yaml.reject(afterNode, "reminder after: must be longer than nothing, not " + after);
        }
        return new CampaignReminder(duration, yaml.text(reminder, "template", null));
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

    private ZoneId zone(Map<String, NodeTuple> fields) {
        if (!fields.containsKey("timeZone")) {
            return ZoneOffset.UTC;
        }
        Node node = fields.get("timeZone").getValueNode();
        try {
            return ZoneId.of(yaml.scalar(node, "timeZone"));
        } catch (DateTimeException e) {
            throw yaml.reject(node, "unknown time zone (use a region such as Europe/Berlin, or UTC)");
        }
    }

    private void checkCron(String cron, Node node) {
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw yaml.reject(node, "not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week"
                    + " [year], e.g. \"0 0 9 ? * MON\"): " + e.getMessage());
        }
    }

    /** A date (start: its first moment; end: its last) or a date-time, in the campaign's zone unless it has an offset. */
    private Instant instant(Map<String, NodeTuple> fields, String key, ZoneId zone, boolean endOfDay) {
        if (!fields.containsKey(key)) {
            return null;
        }
        Node node = fields.get(key).getValueNode();
        String value = yaml.scalar(node, key);
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
            throw yaml.reject(node, key + " is a date (2026-01-31) or a date and time (2026-01-31T09:00)");
        }
    }

    private Map<String, String> variables(Map<String, NodeTuple> fields) {
        if (!fields.containsKey("variables")) {
            return Map.of();
        }
        Node node = fields.get("variables").getValueNode();
        if (!(node instanceof MappingNode map)) {
            throw yaml.reject(node, "variables is a map of names to text, e.g. {headline: \"…\"}");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            variables.put(yaml.scalar(t.getKeyNode(), "a variable's name"), yaml.scalar(t.getValueNode(), "a variable's value"));
        }
        return variables;
    }

    private static String baseName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
