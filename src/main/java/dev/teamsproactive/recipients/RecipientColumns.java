package dev.teamsproactive.recipients;

import java.util.List;
import java.util.Locale;

/** The columns (CSV) or keys (JSON) that name a recipient, in the order they are preferred. */
public final class RecipientColumns {

    /** Accepted names, most preferred first; matched case-insensitively. */
    public static final List<String> ACCEPTED = List.of("id", "userPrincipalName", "upn", "mail", "email");

    /** What a recipient column holds, which decides how its cells are checked. */
    enum Source { ID, UPN, MAIL }

    private RecipientColumns() {
    }

    /**
     * The recipient column among {@code names}: the one matching the earliest entry of
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
