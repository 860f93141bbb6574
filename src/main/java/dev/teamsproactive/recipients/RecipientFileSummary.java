package dev.teamsproactive.recipients;

import java.util.List;

/**
 * What a full pass over a recipients file found, before anything is sent.
 *
 * @param file            the file as given
 * @param format          CSV or JSON
 * @param formatNote      how the format was decided, e.g. "CSV (assumed: no .csv or .json extension, …)"
 * @param recipientColumn the column (CSV) or key (JSON, of the first object) naming recipients
 * @param columns         every column or key, in file order: the variables templates may use
 * @param template        the template a JSON file names ({@code {"template":…}}), else null
 * @param total           rows to process, invalid ones included (they become FAILED rows)
 * @param invalid         rows among them that cannot be sent
 */
public record RecipientFileSummary(String file, RecipientFormat format, String formatNote, String recipientColumn,
                                   List<String> columns, String template, long total, long invalid) {

    public RecipientFileSummary {
        columns = List.copyOf(columns);
    }
}
