package dev.teamsproactive.recipients;

import dev.teamsproactive.recipients.RecipientColumns.Source;
import dev.teamsproactive.recipients.RecipientKey.Kind;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every rule a recipient value must pass, in one place.
 *
 * <p>Why: the value ends up in Graph URLs ({@code /v1.0/users/{value}/teamwork/installedApps}).
 * Percent-encoding alone is not enough, because proxies and servers decode and normalise paths
 * before routing: an id such as {@code ../../groups/x}, {@code a%2f..}, {@code me?$select=} or
 * {@code x#} could address a different resource than the row's user. So a value is refused when
 * it holds anything that could change what the path means, before or after decoding (also after
 * Unicode compatibility folding, which turns a fullwidth solidus into {@code /}), or anything
 * invisible. What is left is then also percent-encoded by {@link RecipientKey#pathSegment()}.
 * Apostrophes stay valid: they are legal in UPNs and mail addresses (o'brien@…), and OData
 * literals double them. One {@code #} form is valid too: a guest's UPN
 * ({@code gina_fabrikam.example#EXT#@contoso.example}), which Graph takes with {@code #} as {@code %23}.
 *
 * <p>What a valid value is follows from the value, not only from its column: a GUID is an object id in
 * any recipient column, and a value with {@code @} is an address to look up (as a UPN, then a mail
 * address, then a proxy address) whether its column says UPN or mail.
 */
final class RecipientKeyRules {

    static final int MAX_LENGTH = 256;

    /** A guest's UPN: their own address with @ as _, then #EXT#, then the inviting tenant's domain. */
    private static final Pattern GUEST_UPN = Pattern.compile("[^#]+#EXT#@[^#]+", Pattern.CASE_INSENSITIVE);

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Characters that end, split or escape a path segment, or start parameters, query or fragment. */
    private static final String PATH_CHANGING = "/\\?#%;";

    private RecipientKeyRules() {
    }

    static RecipientKey check(Source source, String cell) {
        // Surrounding blanks come from hand-written CSV ("id, name"); they are never part of an id.
        String value = cell == null ? "" : cell.strip();
        String problem = unsafeReason(value);
        if (problem != null) {
            return RecipientKey.invalid(RecipientKey.INVALID_RECIPIENT, problem);
        }
        if (GUID.matcher(value).matches()) {
            return new RecipientKey(Kind.OBJECT_ID, value.toLowerCase(Locale.ROOT), null, null);
        }
        return switch (source) {
            case ID -> fromIdColumn(value);
            case UPN -> address(Kind.UPN, value);
            case MAIL -> address(Kind.MAIL, value);
        };
    }

    /** Why the value may not go into a URL at all, or null when it may. */
    private static String unsafeReason(String value) {
        if (value.isEmpty()) {
            return "the recipient is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "the recipient is longer than " + MAX_LENGTH + " characters";
        }
        // The guest marker is the one '#' allowed; the rest of a guest's UPN meets every other rule.
        String checked = GUEST_UPN.matcher(value).matches() ? value.replaceFirst("(?i)#EXT#@", "@") : value;
        String problem = forbiddenCharacter(checked);
        if (problem != null) {
            return problem;
        }
        String folded = Normalizer.normalize(checked, Normalizer.Form.NFKC);
        if (!folded.equals(checked) && forbiddenCharacter(folded) != null) {
            return "the recipient holds a character that reads as one of " + PATH_CHANGING + " or '..'";
        }
        return null;
    }

    private static String forbiddenCharacter(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return "the recipient holds an invisible control character " + String.format("U+%04X", cp);
            }
            if (Character.isSurrogate((char) cp)) {
                return "the recipient holds a broken character (a lone UTF-16 surrogate)";
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return "the recipient holds a space";
            }
            if (PATH_CHANGING.indexOf(cp) >= 0) {
                return "the recipient holds '" + (char) cp + "', which would change the Graph URL";
            }
            i += Character.charCount(cp);
        }
        if (value.contains("..")) {
            return "the recipient holds '..', which would change the Graph URL";
        }
        return null;
    }

    /** An {@code id} column holds an object id (a GUID, taken above) or, as Graph allows, a UPN. */
    private static RecipientKey fromIdColumn(String value) {
        if (value.indexOf('@') >= 0) {
            return address(Kind.UPN, value);
        }
        return RecipientKey.invalid(RecipientKey.INVALID_RECIPIENT,
                "the id is neither an object id (a GUID) nor a user principal name (name@domain)");
    }

    private static RecipientKey address(Kind kind, String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0) {
            String what = kind == Kind.MAIL ? "mail address" : "user principal name";
            return RecipientKey.invalid(RecipientKey.INVALID_RECIPIENT,
                    "not a " + what + ": it needs exactly one '@' with text on both sides");
        }
        return new RecipientKey(kind, value, null, null);
    }
}
