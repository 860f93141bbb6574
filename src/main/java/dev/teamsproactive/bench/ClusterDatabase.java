package dev.teamsproactive.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL database the cluster's instances share (its password, if any, from TEAMS_LEDGER_PASSWORD), and what
 * {@code bench cluster} reads from it: whether it is empty, a round's span, a campaign's progress.
 */
record ClusterDatabase(String url, String user) {
    Connection connect() throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        String password = System.getenv("TEAMS_LEDGER_PASSWORD");
        if (password != null) {
            login.setProperty("password", password);
        }
        return DriverManager.getConnection(url, login);
    }

    /** Refuses a database that already holds campaigns or cached chats, naming what to do instead. */
    void checkEmpty() throws IOException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : List.of("campaigns", "conversation_cache")) {
                if (tableExists(c, table)) {
                    try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            throw new IOException("the database at " + url + " already holds " + table
                                    + " rows; bench cluster needs an empty one (e.g. createdb teams_bench_2, then"
                                    + " --ledger-url jdbc:postgresql://localhost/teams_bench_2)");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot reach the database at " + url + ": " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** From the first campaign's registration to the last one's end, as the ledger recorded them. */
    long spanMillis(List<String> ids) throws IOException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "SELECT MIN(started_at), MAX(finished_at) FROM campaigns WHERE id IN (?, ?, ?)")) {
            for (int i = 0; i < ClusterBench.INSTANCES; i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet span = select.executeQuery()) {
                span.next();
                return span.getTimestamp(2).getTime() - span.getTimestamp(1).getTime();
            }
        } catch (SQLException e) {
            throw new IOException("reading the campaigns' times: " + e.getMessage(), e);
        }
    }

    /** {final rows, total} of a campaign, or null before it is registered. */
    long[] campaignProgress(String campaignId) throws IOException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "SELECT done_rows, total FROM campaigns WHERE id = ?")) {
            select.setString(1, campaignId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
            }
        } catch (SQLException e) {
            throw new IOException("reading " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** How many of the campaign's rows have this status. */
    long rows(String campaignId, String status) throws IOException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE campaign_id = ? AND status = ?")) {
            select.setString(1, campaignId);
            select.setString(2, status);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IOException("reading " + campaignId + ": " + e.getMessage(), e);
        }
    }
}
