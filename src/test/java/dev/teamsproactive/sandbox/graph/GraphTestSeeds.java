package dev.teamsproactive.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.tenant.Seed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The default tenant's well-known ids, and copies of it with other granted roles for permission tests. */
final class GraphTestSeeds {
    static final String ADA = "1569d944-27fd-5601-9416-3e3519eef744";
    static final String GRACE = "47ad9f01-c80b-52f4-8cdb-786f9c93c8cb";
    static final String OBRIEN = "70983dc3-9918-595c-beee-0b469475ad71";
    static final String MKELLER = "5edb8f11-ca02-5d6b-ae06-b77ede440bea";
    static final String IRENE = "f61dbf76-3f27-566c-88b0-d02802a209bf";
    static final String PAT_POLICY = "d0263670-96c2-51c0-b9b2-ae52faa2567f";
    static final String SAM_SLOW = "ef897d58-c1cc-5b6e-a37f-7689a68794f1";
    static final String GINA_GUEST = "9d125f9d-be02-5d8b-b555-9dc5f07b6cd3";
    static final String DORA_DISABLED = "e87667f6-bccd-556a-8c16-db4dfa67d5b3";
    static final String ENGINEERING_GROUP = "030eb94f-70e4-5632-925b-849673335bab";
    static final String OPERATIONS_GROUP = "9c75dabc-5dba-57ca-96c4-0903cdc735d2";
    static final String ENGINEERING_TEAM = "fd6c8c9b-d517-5aa4-977f-4eed16061849";
    static final String GENERAL_CHANNEL = "19:3f2a1b0c9d8e4f7a6b5c4d3e2f1a0b9c@thread.tacv2";
    static final String EXTERNAL_ID = "3b1f8a2c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    static final String CATALOG_ID = "e2c0c8b4-71f6-4a2d-9e35-6d8b9c0a1f27";
    static final String BOT_APP_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    static final String TENANT_ID = "7f3c1a52-9e4b-4d8c-b1a6-3e5f2d7c9a10";
    /** Roles the team endpoints need beyond the default tenant's. */
    static final List<String> TEAM_READ_ROLES = List.of("TeamMember.Read.All", "Channel.ReadBasic.All");

    private GraphTestSeeds() {
    }

    /** The default tenant written to {@code dir} with exactly {@code roles} granted. */
    static Path withRoles(Path dir, Set<String> roles) throws IOException {
        ObjectNode seed = defaultSeed();
        ArrayNode granted = seed.putArray("grantedRoles");
        roles.forEach(granted::add);
        Path file = dir.resolve("tenant-" + Integer.toHexString(roles.hashCode()) + ".json");
        Files.writeString(file, SandboxTestClient.JSON.writeValueAsString(seed));
        return file;
    }

    /** The default tenant with {@code removed} taken from and {@code added} put into its granted roles. */
    static Path changingRoles(Path dir, List<String> removed, List<String> added) throws IOException {
        Set<String> roles = new LinkedHashSet<>();
        defaultSeed().get("grantedRoles").forEach(r -> roles.add(r.asText()));
        roles.removeAll(removed);
        roles.addAll(added);
        return withRoles(dir, roles);
    }

    private static ObjectNode defaultSeed() throws IOException {
        try (InputStream in = Seed.class.getResourceAsStream(Seed.DEFAULT_RESOURCE)) {
            JsonNode tree = SandboxTestClient.JSON.readTree(in);
            return (ObjectNode) tree;
        }
    }
}
