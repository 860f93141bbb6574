package dev.teamsproactive.sandbox.tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --users N} ordinary users, computed from their number instead of stored, so a sandbox
 * with a million users costs no memory until a user is touched. User n has the object id
 * {@code 00000000-0000-4000-8000-<n as 12 hex digits>} and the UPN and mail {@code user<n>@<domain>}.
 */
public final class SyntheticUsers {
    private static final Pattern ID = Pattern.compile("00000000-0000-4000-8000-([0-9a-f]{12})");
    private final int count;
    private final String domain;
    private final Pattern upn;

    public SyntheticUsers(int count, String domain) {
        this.count = count;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.upn = Pattern.compile("user(\\d{1,9})@" + Pattern.quote(this.domain));
    }

    public int count() {
        return count;
    }

    public static String idOf(int n) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", n);
    }

    public DirectoryUser user(int n) {
        String name = "user" + n + "@" + domain;
        return new DirectoryUser(idOf(n), name, name, "Sandbox User " + n, true, "Member", Behavior.NORMAL, false);
    }

    public Optional<DirectoryUser> byId(String id) {
        Matcher m = ID.matcher(id.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1), 16);
        return n >= 1 && n <= count ? Optional.of(user((int) n)) : Optional.empty();
    }

    /** By UPN or mail, which are the same for synthetic users; case-insensitive as in Graph. */
    public Optional<DirectoryUser> byName(String name) {
        Matcher m = upn.matcher(name.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return n >= 1 && n <= count && m.group(1).equals(Long.toString(n)) ? Optional.of(user((int) n)) : Optional.empty();
    }
}
