package dev.engranaje.engine.durability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Reads an engine's record log straight from its SQLite file (never writing), so tests can check what
 * was committed independently of the engine (also while it runs: WAL allows a concurrent reader).
 */
final class RecordLogReader implements AutoCloseable {
  private final Connection connection;

  private RecordLogReader(Connection connection) {
    this.connection = connection;
  }

  static RecordLogReader open(Path dataDirectory) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(5_000);
    try {
      return new RecordLogReader(DriverManager.getConnection(
          "jdbc:sqlite:" + dataDirectory.resolve("engranaje.db").toAbsolutePath(), config.toProperties()));
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to open the record log in " + dataDirectory + ", but failed", e);
    }
  }

  /** Number of event records of a value type and intent. */
  long countEvents(String valueType, String intent) {
    return single("SELECT COUNT(*) FROM records WHERE record_type = 'EVENT' AND value_type = ? AND intent = ?",
        valueType, intent);
  }

  /** Number of PROCESS_INSTANCE events of an element id and intent, in any instance. */
  long countElementEvents(String elementId, String intent) {
    return single("SELECT COUNT(*) FROM records WHERE record_type = 'EVENT' AND value_type = 'PROCESS_INSTANCE'"
        + " AND intent = ? AND json_extract(value, '$.elementId') = ?", intent, elementId);
  }

  /** Number of VARIABLE CREATED events of a variable name, in any scope. */
  long countVariablesCreated(String name) {
    return single("SELECT COUNT(*) FROM records WHERE record_type = 'EVENT' AND value_type = 'VARIABLE'"
        + " AND intent = 'CREATED' AND json_extract(value, '$.name') = ?", name);
  }

  /** Keys of completed PROCESS element instances (process instances), one entry per event. */
  List<Long> completedProcessInstanceKeys(String bpmnProcessId) {
    return keys("SELECT record_key FROM records WHERE record_type = 'EVENT' AND value_type = 'PROCESS_INSTANCE'"
        + " AND intent = 'ELEMENT_COMPLETED' AND json_extract(value, '$.bpmnElementType') = 'PROCESS'"
        + " AND json_extract(value, '$.bpmnProcessId') = ?", bpmnProcessId);
  }

  /** Keys of activated PROCESS element instances (process instances), one entry per event. */
  List<Long> activatedProcessInstanceKeys(String bpmnProcessId) {
    return keys("SELECT record_key FROM records WHERE record_type = 'EVENT' AND value_type = 'PROCESS_INSTANCE'"
        + " AND intent = 'ELEMENT_ACTIVATED' AND json_extract(value, '$.bpmnElementType') = 'PROCESS'"
        + " AND json_extract(value, '$.bpmnProcessId') = ?", bpmnProcessId);
  }

  /** Element instance keys with more than one ELEMENT_COMPLETED event. */
  List<Long> elementInstancesCompletedMoreThanOnce() {
    return keys("SELECT record_key FROM records WHERE record_type = 'EVENT' AND value_type = 'PROCESS_INSTANCE'"
        + " AND intent = 'ELEMENT_COMPLETED' GROUP BY record_key HAVING COUNT(*) > 1");
  }

  /** Job keys with more than one COMPLETED event. */
  List<Long> jobsCompletedMoreThanOnce() {
    return keys("SELECT record_key FROM records WHERE record_type = 'EVENT' AND value_type = 'JOB'"
        + " AND intent = 'COMPLETED' GROUP BY record_key HAVING COUNT(*) > 1");
  }

  /** Keys of events of a value type and intent, in log order. */
  List<Long> eventKeys(String valueType, String intent) {
    return keys("SELECT record_key FROM records WHERE record_type = 'EVENT' AND value_type = ? AND intent = ?"
        + " ORDER BY position", valueType, intent);
  }

  /** Positions are dense (1..n) and strictly increasing: no gap, no torn batch. */
  boolean positionsAreDense() {
    return single("SELECT COUNT(*) FROM records") == single("SELECT COALESCE(MAX(position), 0) FROM records");
  }

  private long single(String sql, Object... args) {
    try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to query the record log, but failed: " + e.getMessage(), e);
    }
  }

  private List<Long> keys(String sql, Object... args) {
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        keys.add(rs.getLong(1));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to query the record log, but failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to close the record log, but failed: " + e.getMessage(), e);
    }
  }
}
