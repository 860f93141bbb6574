package dev.teamsproactive.recipients;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.teamsproactive.input.RejectedInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows of a JSON recipients file ({@code [{…},…]} or {@code {"template":…,"recipients":[…]}}),
 * read token by token with Jackson's streaming parser: a huge array is never a tree in memory.
 */
final class JsonRecipientStream extends LookAheadRecipientStream {

    /** Longest text value or key; longer is hostile (a recipient is at most 256 characters). */
    static final int MAX_VALUE_CHARS = 64 * 1024;
    /** Most keys in one recipient object. */
    static final int MAX_KEYS_PER_ROW = 1000;
    /** How much of a bad token a parse error quotes. */
    private static final int ERROR_TOKEN_CHARS = 12;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_VALUE_CHARS)
                    .maxNameLength(MAX_VALUE_CHARS)
                    .maxNestingDepth(64)
                    .maxNumberLength(100)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A parse error quotes the offending token: a few characters of it at most, so a rejection never
            // copies much of a file (an env file, a key) into logs and .error.txt.
            .errorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(ERROR_TOKEN_CHARS).maxRawContentLength(0).build())
            .build();

    private final String file;
    private final GuardedReader reader;
    private final JsonParser parser;
    private final Consumer<String> keySeen;
    private String template;
    private String recipientColumn;
    private boolean inWrapper;
    private boolean arrayDone;

    /** @param keySeen told every key of every row, in file order (the summary lists them) */
    JsonRecipientStream(Path path, String file, Consumer<String> keySeen) {
        this.file = file;
        this.keySeen = keySeen;
        try {
            reader = new GuardedReader(new StrictUtf8Reader(Files.newInputStream(path)), file, 0, 0);
        } catch (IOException e) {
            throw new RejectedInputException(file, "cannot be read: " + e.getMessage(), e);
        }
        try {
            parser = FACTORY.createParser(reader);
            enterRecipientsArray();
        } catch (RuntimeException e) {
            release();
            throw e;
        } catch (IOException e) {
            release();
            throw mapped(e);
        }
    }

    /** The template the file names, once read (it may come after the recipients: then at the end). */
    String template() {
        return template;
    }

    @Override
    public String recipientColumn() {
        return recipientColumn;
    }

    @Override
    protected Recipient readRow() {
        try {
            return parseRow();
        } catch (IOException e) {
            throw mapped(e);
        }
    }

    /** Positions the parser inside the recipients array: the file's array, or the wrapper's "recipients". */
    private void enterRecipientsArray() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            throw reject("a JSON recipients file is an array of objects, or {\"template\":…,\"recipients\":[…]}");
        }
        inWrapper = true;
        if (!readWrapperFieldsUntilRecipients()) {
            throw new RejectedInputException(file, "the JSON object has no \"recipients\" array");
        }
    }

    /** Reads top-level fields of the wrapper; true when positioned at the start of "recipients". */
    private boolean readWrapperFieldsUntilRecipients() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("recipients".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw reject("\"recipients\" must be an array of objects");
                }
                return true;
            }
            if ("template".equals(name)) {
                if (value != JsonToken.VALUE_STRING) {
                    throw reject("\"template\" must be the name of a message template (a string)");
                }
                template = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw reject("unexpected " + token);
        }
        return false;
    }

    private Recipient parseRow() throws IOException {
        if (arrayDone) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            finishFile();
            return null;
        }
        int line = parser.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new Recipient(line, "", RecipientKey.invalid(RecipientKey.MALFORMED_ROW,
                    "each recipient must be an object such as {\"upn\":\"…\"}, not " + describe(token)), Map.of());
        }
        return readObject(line);
    }

    private Recipient readObject(int line) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        String problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                parser.skipChildren();
                problem = "the value of \"" + name + "\" is " + describe(value)
                        + "; only text, numbers and true/false are allowed";
            } else if (variables.size() >= MAX_KEYS_PER_ROW) {
                problem = "the object has more than " + MAX_KEYS_PER_ROW + " keys";
            } else {
                variables.put(name, value == JsonToken.VALUE_NULL ? "" : parser.getText());
                keySeen.accept(name);
            }
        }
        String column = RecipientColumns.pickFilled(variables);
        if (column == null) {
            return new Recipient(line, "", RecipientKey.invalid(RecipientKey.INVALID_RECIPIENT,
                    "the object has none of the keys " + RecipientColumns.acceptedList()), variables);
        }
        if (recipientColumn == null) {
            recipientColumn = column;
        }
        String raw = variables.get(column);
        RecipientKey key = problem == null ? RecipientKey.fromColumn(column, raw)
                : RecipientKey.invalid(RecipientKey.MALFORMED_ROW, problem);
        return new Recipient(line, raw, key, variables);
    }

    /** After the array: the wrapper's remaining fields (maybe "template"), then nothing but blanks. */
    private void finishFile() throws IOException {
        arrayDone = true;
        if (inWrapper && readWrapperFieldsUntilRecipients()) {
            throw reject("\"recipients\" appears twice");
        }
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw reject("unexpected " + describe(extra) + " after the end of the JSON value");
        }
        close();
    }

    private RejectedInputException reject(String reason) {
        return new RejectedInputException(file, parser.currentTokenLocation().getLineNr(), reason);
    }

    private RuntimeException mapped(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation() != null ? json.getLocation()
                    : parser != null ? parser.currentLocation() : null;
            int line = at == null ? 0 : at.getLineNr();
            String what = e instanceof StreamConstraintsException
                    ? "a value is too long or too deeply nested: " : "invalid JSON: ";
            return new RejectedInputException(file, line, what + json.getOriginalMessage(), e);
        }
        return new UncheckedIOException(e);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    @Override
    protected void release() {
        try {
            if (parser != null) {
                parser.close();
            }
            reader.close();
        } catch (IOException ignored) {
            // Only reading happened: nothing is lost when closing fails.
        }
    }
}
