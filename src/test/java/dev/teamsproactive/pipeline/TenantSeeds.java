package dev.teamsproactive.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Variants of the default sandbox tenant (config/sandbox/tenant.json), written as seed files for a test. */
public final class TenantSeeds {
    static final String CATALOG_ID = "e2c0c8b4-71f6-4a2d-9e35-6d8b9c0a1f27";
    public static final String ADA = "1569d944-27fd-5601-9416-3e3519eef744";
    public static final String GRACE = "47ad9f01-c80b-52f4-8cdb-786f9c93c8cb";

    private TenantSeeds() {
    }

    /** The default tenant with its granted roles replaced by these. */
    static Path granting(Path dir, String... roles) throws IOException {
        return changed(dir, seed -> {
            ArrayNode granted = seed.putArray("grantedRoles");
            for (String role : roles) {
                granted.add(role);
            }
        });
    }

    public static Path changed(Path dir, Consumer<ObjectNode> change) throws IOException {
        ObjectNode seed = (ObjectNode) SandboxTestClient.JSON.readTree(Path.of("config/sandbox/tenant.json").toFile());
        change.accept(seed);
        Path file = dir.resolve("seed-" + System.nanoTime() + ".json");
        SandboxTestClient.JSON.writeValue(file.toFile(), seed);
        return file;
    }
}
