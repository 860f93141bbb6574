package dev.teamsproactive.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.teamsproactive.input.RejectedInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The message templates of a folder ({@code config/messages/}): {@code <name>.json} is an
 * Adaptive Card, {@code <name>.md} a Markdown text.
 */
public final class MessageTemplates {

    /** A template name is a plain file name: it never reaches outside the folder. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_TEMPLATE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path dir;

    public MessageTemplates(Path messagesDir) {
        this.dir = messagesDir;
    }

    /** The names of the templates in the folder, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            TreeSet<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json") || f.endsWith(".md"))
                    .map(f -> f.substring(0, f.lastIndexOf('.')))
                    .filter(MessageTemplates::isPlain)
                    .forEach(names::add);
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws RejectedInputException when the name is not plain, no such template exists (the
     *                                message names those that do), or its file is not a readable
     *                                template (with the line for broken JSON)
     */
    public MessageTemplate load(String name) {
        if (name == null || !isPlain(name)) {
            throw new RejectedInputException(String.valueOf(name),
                    "a template name is made of letters, digits, '.', '_' and '-' (and no '..')");
        }
        Path card = dir.resolve(name + ".json");
        Path text = dir.resolve(name + ".md");
        boolean hasCard = Files.isRegularFile(card);
        boolean hasText = Files.isRegularFile(text);
        if (hasCard && hasText) {
            throw new RejectedInputException(card.toString(), "both " + name + ".json and " + name
                    + ".md exist; keep one, so it is clear which is sent");
        }
        if (hasCard) {
            return new CardTemplate(name, card.toString(), parseCard(card));
        }
        if (hasText) {
            String markdown = Utf8Text.read(text, MAX_TEMPLATE_BYTES);
            if (markdown.isBlank()) {
                throw new RejectedInputException(text.toString(), "the template is empty");
            }
            return new TextTemplate(name, text.toString(), markdown);
        }
        List<String> existing = names();
        throw new RejectedInputException(dir.resolve(name).toString(), "no message template named '" + name + "' ("
                + name + ".json or " + name + ".md) in " + dir + "; "
                + (existing.isEmpty() ? "the folder has none" : "templates: " + String.join(", ", existing)));
    }

    private static JsonNode parseCard(Path file) {
        String json = Utf8Text.read(file, MAX_TEMPLATE_BYTES);
        JsonNode card;
        try {
            card = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RejectedInputException(file.toString(), line, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (card == null || card.isMissingNode()) {
            throw new RejectedInputException(file.toString(), "the template is empty");
        }
        List<String> problems = CardSchema.structuralProblems(card);
        if (!problems.isEmpty()) {
            throw new RejectedInputException(file.toString(), "not an Adaptive Card: " + String.join("; ", problems));
        }
        return card;
    }

    private static boolean isPlain(String name) {
        return PLAIN_NAME.matcher(name).matches() && !name.contains("..");
    }
}
