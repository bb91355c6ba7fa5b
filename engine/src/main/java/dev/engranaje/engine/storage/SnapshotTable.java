package dev.engranaje.engine.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code snapshots} table: the newest two engine state snapshots, each with the log position it
 * was taken at and a SHA-256 checksum of its content, checked when it is read back. Statements run in
 * the caller's transaction.
 */
final class SnapshotTable {
  static final int KEPT = 2;
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotTable.class);

  private SnapshotTable() {}

  static void create(Statement statement) throws SQLException {
    statement.execute("""
        CREATE TABLE IF NOT EXISTS snapshots (
          position INTEGER PRIMARY KEY,
          checksum TEXT NOT NULL,
          size INTEGER NOT NULL,
          content BLOB NOT NULL)""");
  }

  static void insert(Connection connection, long position, byte[] content) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR REPLACE INTO snapshots (position, checksum, size, content) VALUES (?,?,?,?)")) {
      insert.setLong(1, position);
      insert.setString(2, checksum(content));
      insert.setLong(3, content.length);
      insert.setBytes(4, content);
      insert.executeUpdate();
    }
    try (PreparedStatement prune = connection.prepareStatement("DELETE FROM snapshots WHERE position NOT IN"
        + " (SELECT position FROM snapshots ORDER BY position DESC LIMIT " + KEPT + ")")) {
      prune.executeUpdate();
    }
  }

  static List<Long> positions(Connection connection) throws SQLException {
    List<Long> positions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT position FROM snapshots ORDER BY position DESC")) {
      while (rs.next()) {
        positions.add(rs.getLong(1));
      }
    }
    return positions;
  }

  /** The oldest kept snapshot's position, or 0 when there is none. */
  static long oldest(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(MIN(position), 0) FROM snapshots")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Optional<byte[]> read(Connection connection, long position) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT checksum, content FROM snapshots WHERE position = ?")) {
      query.setLong(1, position);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String stored = rs.getString(1);
        byte[] content = rs.getBytes(2);
        if (content == null || !checksum(content).equals(stored)) {
          LOG.warn("The snapshot at position {} is damaged (its checksum does not match); it is not used", position);
          return Optional.empty();
        }
        return Optional.of(content);
      }
    }
  }

  static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JDK to offer SHA-256", e);
    }
  }
}
