package dev.teamsproactive.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small connection pool for the two databases the ledger supports: H2 (embedded) and PostgreSQL. */
final class LedgerDataSource {
    static final int POOL_SIZE = 10;

    private LedgerDataSource() {
    }

    /**
     * The pool over the ledger at a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}, teams.ledger.url), its
     * schema created or upgraded, an H2 file's folder and files owner-only.
     */
    static HikariDataSource openMigrated(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("No ledger URL: set teams.ledger.url");
        }
        String url = jdbcUrl.trim();
        LedgerFiles.prepare(url);
        HikariDataSource pool = open(url, user, password);
        try {
            LedgerSchema.migrate(pool);
            LedgerFiles.restrict(url);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        config.setJdbcUrl(Dialect.of(jdbcUrl) == Dialect.H2 ? durableH2(jdbcUrl) : jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        // Every operation is an explicit short transaction (Transactions commits or rolls back).
        config.setAutoCommit(false);
        switch (Dialect.of(jdbcUrl)) {
            case H2 -> {
                config.setDriverClassName("org.h2.Driver");
                // Stream query results instead of buffering them, so reports of any size stay small in memory.
                config.setConnectionInitSql("SET LAZY_QUERY_EXECUTION TRUE");
            }
            case POSTGRESQL -> config.setDriverClassName("org.postgresql.Driver");
        }
        return new HikariDataSource(config);
    }

    /**
     * By default H2 closes itself when the JVM begins to exit, before in-flight recipients of a graceful stop are
     * recorded: turned off unless the URL says otherwise. (Each commit is made durable by a CHECKPOINT after it, see
     * {@link Transactions}; not by WRITE_DELAY=0, which also stops H2's background thread and with it all compaction
     * of the file: a million-recipient ledger had grown to 9.8 GB a third of the way through.)
     */
    static String durableH2(String jdbcUrl) {
        String url = jdbcUrl;
        if (!jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return url;
    }

    enum Dialect {
        H2, POSTGRESQL;

        private static final Pattern JDBC_SCHEME = Pattern.compile("jdbc:[A-Za-z0-9]+");

        static Dialect of(String jdbcUrl) {
            if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            // The URL may carry a password: name only its scheme.
            Matcher scheme = JDBC_SCHEME.matcher(jdbcUrl == null ? "" : jdbcUrl);
            String named = scheme.lookingAt() ? scheme.group() : "a URL that is not a JDBC URL";
            throw new IllegalArgumentException(
                    "The ledger runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…), not " + named);
        }
    }
}
