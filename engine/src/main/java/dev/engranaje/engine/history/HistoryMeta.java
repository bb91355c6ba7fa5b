package dev.engranaje.engine.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The history's bookkeeping row values: its schema version and the last log position it holds. */
final class HistoryMeta {
  static final String VERSION = "schema_version";
  static final String POSITION = "position";

  private HistoryMeta() {}

  /** The stored value, or -1 when the history tables (or the value) are missing. */
  static long read(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'history_meta'")) {
      if (!tables.next()) {
        return -1;
      }
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT value FROM history_meta WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  static void write(Connection connection, String name, long value) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "INSERT INTO history_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      update.setString(1, name);
      update.setLong(2, value);
      update.executeUpdate();
    }
  }
}
