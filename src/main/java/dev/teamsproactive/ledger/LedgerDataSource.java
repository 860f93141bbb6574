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
     * H2 keeps each commit in memory for up to a second before writing it (WRITE_DELAY), so a killed
     * process would lose outcomes it had recorded, and a row it had marked SENDING could be sent again;
     * and by default H2 closes itself when the JVM begins to exit, before in-flight recipients of a
     * graceful stop are recorded. Both are turned off unless the URL says otherwise.
     */
    static String durableH2(String jdbcUrl) {
        String url = jdbcUrl;
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        if (!upper.contains(";WRITE_DELAY=")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
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
