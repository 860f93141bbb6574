package dev.teamsproactive.sandbox.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.tenant.Directory;
import dev.teamsproactive.sandbox.tenant.DirectoryUser;
import java.util.Optional;

/**
 * The directory user a {@code ChannelAccount} in {@code POST /v3/conversations} names.
 *
 * <p>Assumption: how Teams maps a {@code 29:…} user id to an Entra ID user is not documented (real ids are opaque,
 * issued by Teams). The sandbox takes {@code 29:<aadObjectId>} or the plain object id as {@code id}, and
 * otherwise the account's {@code aadObjectId} property.
 */
public final class MemberResolver {
    static final String TEAMS_USER_PREFIX = "29:";
    private final Directory directory;

    public MemberResolver(Directory directory) {
        this.directory = directory;
    }

    public Optional<DirectoryUser> resolve(JsonNode account) {
        String id = account.path("id").asText("");
        if (id.startsWith(TEAMS_USER_PREFIX)) {
            id = id.substring(TEAMS_USER_PREFIX.length());
        }
        Optional<DirectoryUser> byId = id.isBlank() ? Optional.empty() : directory.userById(id);
        if (byId.isPresent()) {
            return byId;
        }
        String aad = account.path("aadObjectId").asText("");
        return aad.isBlank() ? Optional.empty() : directory.userById(aad);
    }
}
