package dev.teamsproactive.recipients;

import dev.teamsproactive.input.UrlText;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a row is for, checked once so the pipeline can put it into a Graph URL without further
 * thought: {@link #pathSegment()} for {@code /users/{key}}, {@link #queryLiteral()} for
 * {@code $filter=mail eq '…'}. An {@link Kind#INVALID} key carries the {@link #problem()} and
 * {@link #code()} the route records for that row instead of calling anything.
 */
public record RecipientKey(Kind kind, String value, String problem, String code) {

    public enum Kind { OBJECT_ID, UPN, MAIL, INVALID }

    /** The code of a row whose recipient cannot be used. */
    public static final String INVALID_RECIPIENT = "InvalidRecipient";
    /** The code of a row whose shape is wrong (more cells than the header, a nested JSON value). */
    public static final String MALFORMED_ROW = "MalformedRow";

    public RecipientKey {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.INVALID) {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(code, "code");
        } else {
            Objects.requireNonNull(value, "value");
            problem = null;
            code = null;
        }
    }

    /**
     * The key for a cell of the given recipient column (matched case-insensitively:
     * {@code id}, {@code userPrincipalName}, {@code upn}, {@code mail}, {@code email}). The value decides
     * more than the column: a GUID is an {@link Kind#OBJECT_ID} in any of them; an address ({@link Kind#UPN}
     * from an id or UPN column, {@link Kind#MAIL} from a mail column) is looked up as a UPN, then a mail
     * address, then a proxy address alike.
     */
    public static RecipientKey fromColumn(String column, String cell) {
        return RecipientKeyRules.check(RecipientColumns.sourceOf(column), cell);
    }

    public static RecipientKey invalid(String code, String problem) {
        return new RecipientKey(Kind.INVALID, null, problem, code);
    }

    public boolean isValid() {
        return kind != Kind.INVALID;
    }

    /**
     * The value percent-encoded as one URL path segment: RFC 3986 unreserved characters and
     * {@code @} stay, everything else becomes %XX of its UTF-8 bytes (so {@code '} is {@code %27}).
     */
    public String pathSegment() {
        requireValid();
        return UrlText.pathSegment(value);
    }

    /**
     * The value as the inside of an OData string literal ({@code '} doubled), for
     * {@code $filter=mail eq '…'}. The caller still URL-encodes the whole query.
     */
    public String odataLiteral() {
        requireValid();
        return UrlText.odataLiteral(value);
    }

    /**
     * The OData string literal's inside ({@link #odataLiteral()}) percent-encoded for a query string, so that
     * {@code +}, {@code &}, {@code =}, {@code $} and {@code #} stay part of the value: {@code plus+news@…}
     * is not read as a space, {@code x@y&$select=…} adds no query option.
     */
    public String queryLiteral() {
        requireValid();
        return UrlText.queryValue(UrlText.odataLiteral(value));
    }

    private void requireValid() {
        if (!isValid()) {
            throw new IllegalStateException("invalid recipient has no URL form: " + problem);
        }
    }

    @Override
    public String toString() {
        return isValid() ? kind.name().toLowerCase(Locale.ROOT) + ":" + value : "invalid(" + code + ": " + problem + ")";
    }
}
