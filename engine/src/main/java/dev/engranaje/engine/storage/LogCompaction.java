package dev.engranaje.engine.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Removes records from the log that neither the engine state nor the history needs any more, in
 * small batches (each in the caller's transaction):
 *
 * <ul>
 *   <li>every record of a process instance that history retention removed (its key is queued in
 *       {@code log_compaction_queue} by the same transaction that removed it from the history): the
 *       instance had finished, so no state needs it, and the history no longer shows it;
 *   <li>commands and rejections written before the retention cutoff: recovery replays only events
 *       and the history projects only events;
 *   <li>standalone decision evaluations (no process instance) from before the retention cutoff,
 *       which retention removes from the history by their date;
 *   <li>audit log entries from before the retention cutoff, which retention removes by their date
 *       too (no state needs them), and the records of finished batch operations that retention
 *       removed from the history (noted in {@code log_removed_batch}; a finished batch is no longer
 *       state). A history rebuilt from the log leaves both out, compacted yet or not.
 * </ul>
 *
 * Only records at or before the oldest kept snapshot are removed, so each snapshot keeps its whole
 * tail, and never the last record, so the log's last position never goes back. Deployments,
 * messages, signals, job batches and standalone decision evaluations are kept.
 */
final class LogCompaction {
  static final int INSTANCES_PER_BATCH = 50;
  static final int COMMANDS_SCANNED_PER_BATCH = 2_000;
  private static final String AUDIT_REMOVED_BEFORE = "audit_removed_before";

  private LogCompaction() {}

  static void create(Statement statement) throws SQLException {
    statement.execute("""
        CREATE TABLE IF NOT EXISTS log_compaction_queue (
          process_instance_key INTEGER PRIMARY KEY,
          last_position INTEGER NOT NULL)""");
    statement.execute("CREATE INDEX IF NOT EXISTS log_compaction_queue_by_position ON log_compaction_queue(last_position)");
    statement.execute("CREATE TABLE IF NOT EXISTS log_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    // finished batch operations retention removed from the history: a rebuild leaves their records out
    statement.execute("CREATE TABLE IF NOT EXISTS log_removed_batch (batch_operation_key INTEGER PRIMARY KEY)");
  }

  /** Queues instances that retention removed from the history, in the retention batch's transaction. */
  static void queue(Connection connection, List<Long> processInstanceKeys) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO log_compaction_queue"
        + " (process_instance_key, last_position) SELECT ?, COALESCE(MAX(position), 0) FROM records"
        + " WHERE process_instance_key = ?")) {
      for (long key : processInstanceKeys) {
        insert.setLong(1, key);
        insert.setLong(2, key);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * One batch: the records of up to {@value #INSTANCES_PER_BATCH} queued instances, then commands
   * and rejections among the next {@value #COMMANDS_SCANNED_PER_BATCH} records.
   *
   * @return how much the batch did (records removed, plus one when it moved past records it keeps);
   *     0 when nothing is left to do now
   */
  static int compactBatch(Connection connection, long commandsBeforeMillis) throws SQLException {
    long horizon = horizon(connection);
    if (horizon <= 0) {
      return 0;
    }
    return removeQueuedInstances(connection, horizon) + removeOldCommands(connection, horizon, commandsBeforeMillis);
  }

  /** The last position compaction may touch: the oldest kept snapshot's, short of the last record. */
  private static long horizon(Connection connection) throws SQLException {
    long oldestSnapshot = SnapshotTable.oldest(connection);
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(position), 0) FROM records")) {
      rs.next();
      return Math.min(oldestSnapshot, rs.getLong(1) - 1);
    }
  }

  private static int removeQueuedInstances(Connection connection, long horizon) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT process_instance_key FROM log_compaction_queue"
        + " WHERE last_position <= ? ORDER BY last_position LIMIT " + INSTANCES_PER_BATCH)) {
      query.setLong(1, horizon);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getLong(1));
        }
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
    rememberMaxKey(connection, "SELECT MAX(record_key) FROM records WHERE process_instance_key IN (" + marks + ")", keys);
    int removed = update(connection, "DELETE FROM records WHERE process_instance_key IN (" + marks + ")", keys);
    update(connection, "DELETE FROM log_compaction_queue WHERE process_instance_key IN (" + marks + ")", keys);
    return removed;
  }

  private static boolean removable(Connection connection, ResultSet row) throws SQLException {
    if (!"EVENT".equals(row.getString(2))) {
      return true;
    }
    String valueType = row.getString(4);
    row.getLong(5);
    boolean standalone = row.wasNull();
    return switch (valueType) {
      case "DECISION_EVALUATION" -> standalone;
      case "AUDIT_LOG" -> true; // scanned records are older than the cutoff, as retention removes them
      case "BATCH_OPERATION" -> batchRemoved(connection, row.getLong(6));
      default -> false;
    };
  }

  /** Whether retention removed a finished batch operation from the history. */
  private static boolean batchRemoved(Connection connection, long batchKey) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM log_removed_batch WHERE batch_operation_key = ?")) {
      query.setLong(1, batchKey);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Notes batch operations retention removed from the history, in the retention batch's transaction. */
  static void batchOperationsRemoved(Connection connection, List<Long> batchKeys) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR IGNORE INTO log_removed_batch (batch_operation_key) VALUES (?)")) {
      for (long key : batchKeys) {
        insert.setLong(1, key);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static int removeOldCommands(Connection connection, long horizon, long beforeMillis) throws SQLException {
    long cursor = meta(connection, "commands_compacted_through");
    List<Long> positions = new ArrayList<>();
    long through = cursor;
    try (PreparedStatement query = connection.prepareStatement("SELECT position, record_type, timestamp, value_type, process_instance_key, record_key FROM records"
        + " WHERE position > ? AND position <= ? ORDER BY position LIMIT " + COMMANDS_SCANNED_PER_BATCH)) {
      query.setLong(1, cursor);
      query.setLong(2, horizon);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next() && rs.getLong(3) < beforeMillis) {
          through = rs.getLong(1);
          if (removable(connection, rs)) {
            positions.add(through);
          }
        }
      }
    }
    int removed = 0;
    if (!positions.isEmpty()) {
      String marks = String.join(",", Collections.nCopies(positions.size(), "?"));
      rememberMaxKey(connection, "SELECT MAX(record_key) FROM records WHERE position IN (" + marks + ")", positions);
      removed = update(connection, "DELETE FROM records WHERE position IN (" + marks + ")", positions);
    }
    if (through != cursor) {
      setMeta(connection, "commands_compacted_through", through);
      return removed + 1;
    }
    return removed;
  }

  /** The largest key of any removed record, so a replay of the compacted log never issues it again. */
  static long maxKey(Connection connection) throws SQLException {
    return meta(connection, "max_removed_key");
  }

  private static void rememberMaxKey(Connection connection, String sql, List<Long> arguments) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, arguments);
      try (ResultSet rs = query.executeQuery()) {
        if (rs.next() && rs.getLong(1) > maxKey(connection)) {
          setMeta(connection, "max_removed_key", rs.getLong(1));
        }
      }
    }
  }

  /**
   * Remembers that retention removed the audit log entries written before {@code cutoffMillis}, in
   * the retention batch's transaction, so a history rebuilt from the log leaves them out too.
   */
  static void auditRemovedBefore(Connection connection, long cutoffMillis) throws SQLException {
    if (cutoffMillis > auditRemovedBefore(connection)) {
      setMeta(connection, AUDIT_REMOVED_BEFORE, cutoffMillis);
    }
  }

  static long auditRemovedBefore(Connection connection) throws SQLException {
    return meta(connection, AUDIT_REMOVED_BEFORE);
  }

  private static long meta(Connection connection, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT value FROM log_meta WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static void setMeta(Connection connection, String name, long value) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO log_meta (name, value) VALUES (?,?)")) {
      upsert.setString(1, name);
      upsert.setLong(2, value);
      upsert.executeUpdate();
    }
  }

  private static int update(Connection connection, String sql, List<Long> arguments) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, arguments);
      return statement.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, List<Long> arguments) throws SQLException {
    for (int i = 0; i < arguments.size(); i++) {
      statement.setLong(i + 1, arguments.get(i));
    }
  }
}
