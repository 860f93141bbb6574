package dev.teamsproactive.recipients;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a recipients file.
 *
 * @param line      the physical line the row starts on (for JSON: the line of its opening brace)
 * @param raw       the recipient cell exactly as written ("" when there is none)
 * @param key       who it is for; {@link RecipientKey.Kind#INVALID} when the row cannot be sent
 * @param variables every column (the recipient column too) by header name, in file order
 */
public record Recipient(int line, String raw, RecipientKey key, Map<String, String> variables) {

    public Recipient {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
