package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.RejectedInputException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A campaign file's YAML nodes read as values; every problem is a {@link RejectedInputException} naming the file and line. */
final class CampaignYaml {
    private final String file;

    CampaignYaml(String file) {
        this.file = file;
    }

    boolean bool(Map<String, NodeTuple> fields, String key, boolean fallback) {
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

    String text(Map<String, NodeTuple> fields, String key, String fallback) {
        return fields.containsKey(key) ? scalar(fields.get(key).getValueNode(), key) : fallback;
    }

    static Node valueOf(Map<String, NodeTuple> fields, String key, Node fallback) {
        return fields.containsKey(key) ? fields.get(key).getValueNode() : fallback;
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw reject(node, what + " must be a single value");
        }
        return s.getValue().strip();
    }

    /** The keys of a mapping node, each once, all of them among {@code allowed}. */
    Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
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

    RejectedInputException reject(Node node, String reason) {
        int line = node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
        return new RejectedInputException(file, line, reason);
    }
}
