package dev.teamsproactive.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns (CSV) or keys (JSON) that name a recipient, in the order they are preferred.
 * A file may hold several (say {@code id} and {@code mail}): each row is addressed by the most
 * preferred one that is filled on that row, so one file can mix object ids, UPNs and mail-only
 * users. A filled but invalid cell is reported, never passed over for another column.
 */
public final class RecipientColumns {

    /** Accepted names, most preferred first; matched case-insensitively. */
    public static final List<String> ACCEPTED = List.of("id", "userPrincipalName", "upn", "mail", "email");

    /** What a recipient column holds, which decides how its cells are checked. */
    enum Source { ID, UPN, MAIL }

    private RecipientColumns() {
    }

    /**
     * The preferred recipient column among {@code names}: the one matching the earliest entry of
     * {@link #ACCEPTED} (so a file with both {@code mail} and {@code id} is addressed by id,
     * whatever the column order), the leftmost when the same name appears twice in other case.
     * Null when none matches.
     */
    public static String pick(Iterable<String> names) {
        for (String accepted : ACCEPTED) {
            for (String name : names) {
                if (name != null && name.equalsIgnoreCase(accepted)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Indexes of every recipient column in {@code names}, most preferred first. */
    static List<Integer> ranked(List<String> names) {
        List<Integer> indexes = new ArrayList<>();
        for (String accepted : ACCEPTED) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(accepted)) {
                    indexes.add(i);
                }
            }
        }
        return indexes;
    }

    /** The recipient key of one JSON object: the most preferred one holding a value, else the most preferred. */
    static String pickFilled(Map<String, String> row) {
        for (String accepted : ACCEPTED) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (cell.getKey().equalsIgnoreCase(accepted) && !cell.getValue().isBlank()) {
                    return cell.getKey();
                }
            }
        }
        return pick(row.keySet());
    }

    static Source sourceOf(String column) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case "id" -> Source.ID;
            case "userprincipalname", "upn" -> Source.UPN;
            case "mail", "email" -> Source.MAIL;
            default -> throw new IllegalArgumentException("not a recipient column: " + column
                    + " (accepted: " + String.join(", ", ACCEPTED) + ")");
        };
    }

    static String acceptedList() {
        return String.join(", ", ACCEPTED);
    }
}
