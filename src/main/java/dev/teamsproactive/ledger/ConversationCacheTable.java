package dev.teamsproactive.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** SQL for {@code conversation_cache}: (tenant, user) → the bot's 1:1 conversation. */
final class ConversationCacheTable {
    private ConversationCacheTable() {
    }

    static Optional<CachedConversation> find(Connection c, String tenantId, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT installation_id, chat_id, service_url, updated_at"
                + " FROM conversation_cache WHERE tenant_id = ? AND user_id = ?")) {
            select.setString(1, tenantId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CachedConversation(tenantId, userId, rows.getString("installation_id"),
                        rows.getString("chat_id"), rows.getString("service_url"),
                        Columns.getInstant(rows, "updated_at")));
            }
        }
    }

    /** Updates the cached conversation; false when there was none to update. */
    static boolean update(Connection c, CachedConversation conversation) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE conversation_cache SET installation_id = ?,"
                + " chat_id = ?, service_url = ?, updated_at = ? WHERE tenant_id = ? AND user_id = ?")) {
            bind(update, conversation);
            return update.executeUpdate() == 1;
        }
    }

    static void insert(Connection c, CachedConversation conversation) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO conversation_cache (installation_id, chat_id,"
                + " service_url, updated_at, tenant_id, user_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(insert, conversation);
            insert.executeUpdate();
        }
    }

    static boolean delete(Connection c, String tenantId, String userId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM conversation_cache WHERE tenant_id = ? AND user_id = ?")) {
            delete.setString(1, tenantId);
            delete.setString(2, userId);
            return delete.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement statement, CachedConversation conversation) throws SQLException {
        statement.setString(1, conversation.installationId());
        statement.setString(2, conversation.chatId());
        statement.setString(3, conversation.serviceUrl());
        Columns.setInstant(statement, 4, conversation.updatedAt());
        statement.setString(5, conversation.tenantId());
        statement.setString(6, conversation.userId());
    }
}
