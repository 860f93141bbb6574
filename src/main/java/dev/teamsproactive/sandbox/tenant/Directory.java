package dev.teamsproactive.sandbox.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tenant's users, groups and teams: read-only after start. Lookups are case-insensitive as in Graph. */
public final class Directory {
    private final List<DirectoryUser> seeded = new ArrayList<>();
    private final Map<String, DirectoryUser> byId = new HashMap<>();
    private final Map<String, DirectoryUser> byUpn = new HashMap<>();
    private final Map<String, DirectoryUser> byMail = new HashMap<>();
    private final Map<String, DirectoryUser> byProxyAddress = new HashMap<>();
    private final Map<String, Seed.Group> groups = new HashMap<>();
    private final Map<String, Seed.Team> teams = new HashMap<>();
    private final Map<String, Seed.Team> teamByChannel = new HashMap<>();
    private final SyntheticUsers synthetic;

    public Directory(Seed seed, int syntheticUsers) {
        for (Seed.User u : seed.users()) {
            DirectoryUser user = DirectoryUser.of(u);
            seeded.add(user);
            byId.put(key(u.id()), user);
            byUpn.put(key(u.userPrincipalName()), user);
            if (u.mail() != null) {
                byMail.put(key(u.mail()), user);
            }
            u.proxyAddresses().forEach(address -> byProxyAddress.put(key(address), user));
        }
        seed.groups().forEach(g -> groups.put(key(g.id()), g));
        for (Seed.Team t : seed.teams()) {
            teams.put(key(t.id()), t);
            t.channels().forEach(c -> teamByChannel.put(c.id(), t));
        }
        this.synthetic = new SyntheticUsers(syntheticUsers, domainOf(seed));
    }

    private static String domainOf(Seed seed) {
        return seed.users().stream().map(Seed.User::userPrincipalName).filter(n -> n.contains("@"))
                .map(n -> n.substring(n.indexOf('@') + 1)).findFirst().orElse("contoso.example");
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public int userCount() {
        return seeded.size() + synthetic.count();
    }

    /** The user at position i of the directory's stable order (seeded users first). */
    public DirectoryUser userAt(int i) {
        return i < seeded.size() ? seeded.get(i) : synthetic.user(i - seeded.size() + 1);
    }

    public Optional<DirectoryUser> userById(String id) {
        DirectoryUser u = byId.get(key(id));
        return u != null ? Optional.of(u) : synthetic.byId(id);
    }

    public Optional<DirectoryUser> userByUpn(String upn) {
        DirectoryUser u = byUpn.get(key(upn));
        return u != null ? Optional.of(u) : synthetic.byName(upn);
    }

    public Optional<DirectoryUser> userByMail(String mail) {
        DirectoryUser u = byMail.get(key(mail));
        return u != null ? Optional.of(u) : synthetic.byName(mail);
    }

    /**
     * The user with this proxy address ({@code smtp:alias@…}); the prefix and the address compare
     * case-insensitively, as Graph's {@code proxyAddresses/any(x:x eq '…')} does.
     */
    public Optional<DirectoryUser> userByProxyAddress(String proxyAddress) {
        DirectoryUser u = byProxyAddress.get(key(proxyAddress));
        if (u != null) {
            return Optional.of(u);
        }
        int colon = proxyAddress.indexOf(':');
        return colon > 0 && proxyAddress.substring(0, colon).equalsIgnoreCase("smtp")
                ? synthetic.byName(proxyAddress.substring(colon + 1)) : Optional.empty();
    }

    /** {@code users/{id or userPrincipalName}} as Graph resolves it. */
    public Optional<DirectoryUser> userByIdOrUpn(String idOrUpn) {
        return idOrUpn.contains("@") ? userByUpn(idOrUpn) : userById(idOrUpn);
    }

    public Optional<Seed.Group> group(String id) {
        return Optional.ofNullable(groups.get(key(id)));
    }

    public Optional<Seed.Team> team(String id) {
        return Optional.ofNullable(teams.get(key(id)));
    }

    public Optional<Seed.Team> teamOfChannel(String channelId) {
        return Optional.ofNullable(teamByChannel.get(channelId));
    }

    /**
     * Members of a group, in seed order; with {@code transitive} nested groups are expanded (each user once).
     * Members that are groups come back as groups when not transitive.
     */
    public List<Object> groupMembers(Seed.Group group, boolean transitive) {
        List<Object> out = new ArrayList<>();
        collect(group, transitive, out, new java.util.HashSet<>());
        return out;
    }

    private void collect(Seed.Group group, boolean transitive, List<Object> out, java.util.Set<String> seen) {
        if (!seen.add(key(group.id()))) {
            return;
        }
        for (String member : group.members()) {
            Optional<DirectoryUser> user = userById(member);
            if (user.isPresent()) {
                if (seen.add(key(member))) {
                    out.add(user.get());
                }
                continue;
            }
            Optional<Seed.Group> nested = group(member);
            if (nested.isPresent() && !seen.contains(key(member))) {
                out.add(nested.get());
                if (transitive) {
                    collect(nested.get(), true, out, seen);
                }
            }
        }
    }
}
