package dev.teamsproactive.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The crash-safety contract on H2 in file mode. */
class H2CrashSafetyTest extends CrashSafetyContractTest {
    @TempDir
    Path folder;

    private int databases;

    @Override
    protected String newJdbcUrl() {
        return "jdbc:h2:file:" + folder.resolve("ledger-" + ++databases);
    }
}
