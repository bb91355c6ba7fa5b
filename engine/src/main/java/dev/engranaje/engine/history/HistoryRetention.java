package dev.engranaje.engine.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Removes finished process instances from the history once they ended longer ago than the
 * retention, with everything they own (element instances, sequence flows, variables and their
 * changes, incidents, jobs, user tasks, decision instances, message subscriptions and correlations)
 * and their called instances; standalone decision evaluations age out the same way. One call is
 * one small batch, so the log writer it shares the database with waits only milliseconds.
 */
public final class HistoryRetention {
  /** How long finished instances are kept when nothing else is configured. */
  public static final Duration DEFAULT = Duration.ofDays(30);
  /** Root instances removed per batch (with their called instances). */
  public static final int BATCH = 200;
  /** Audit entries removed per removed instance at most, so one call stays small. */
  private static final int OPERATOR_ROWS_PER_INSTANCE = 10;

  private static final List<String> OWNED = List.of("h_element_instance", "h_sequence_flow", "h_incident", "h_job",
      "h_user_task", "h_decision_instance", "h_message_subscription", "h_message_correlation", "h_job_event");

  private HistoryRetention() {}

  /**
   * Removes up to {@code batch} finished root instances that ended before {@code cutoffMillis}, in
   * the connection's open transaction (the caller commits).
   *
   * @return how many root instances were removed; fewer than {@code batch} means none are left
   */
  public static int removeBatch(Connection connection, long cutoffMillis, int batch) throws SQLException {
    return removeBatch(connection, cutoffMillis, batch, removed -> {});
  }

  /**
   * The same, telling {@code removedInstances} the keys of every process instance it removed (roots
   * and called instances), e.g. so their records can be compacted out of the log.
   */
  public static int removeBatch(Connection connection, long cutoffMillis, int batch,
      Consumer<List<Long>> removedInstances) throws SQLException {
    return removeBatch(connection, cutoffMillis, batch, removedInstances, removed -> {});
  }

  /** The same, also telling {@code removedBatchOperations} the keys of the finished batch operations it removed. */
  public static int removeBatch(Connection connection, long cutoffMillis, int batch,
      Consumer<List<Long>> removedInstances, Consumer<List<Long>> removedBatchOperations) throws SQLException {
    List<Long> roots = keys(connection, "SELECT process_instance_key FROM h_process_instance"
        + " WHERE end_date <> -1 AND end_date < ? AND process_instance_key = root_process_instance_key"
        + " ORDER BY end_date LIMIT ?", cutoffMillis, batch);
    if (!roots.isEmpty()) {
      String rootMarks = marks(roots.size());
      List<Long> instances = keys(connection, "SELECT process_instance_key FROM h_process_instance"
          + " WHERE root_process_instance_key IN (" + rootMarks + ")", roots.toArray());
      String marks = marks(instances.size());
      Object[] keys = instances.toArray();
      delete(connection, "DELETE FROM h_variable_change WHERE variable_key IN (SELECT variable_key FROM h_variable"
          + " WHERE process_instance_key IN (" + marks + "))", keys);
      delete(connection, "DELETE FROM h_variable WHERE process_instance_key IN (" + marks + ")", keys);
      for (String table : OWNED) {
        delete(connection, "DELETE FROM " + table + " WHERE process_instance_key IN (" + marks + ")", keys);
      }
      delete(connection, "DELETE FROM h_process_instance WHERE process_instance_key IN (" + marks + ")", keys);
      removedInstances.accept(instances);
    }
    delete(connection, "DELETE FROM h_decision_instance WHERE decision_evaluation_instance_key IN ("
        + "SELECT decision_evaluation_instance_key FROM h_decision_instance WHERE process_instance_key = -1"
        + " AND evaluation_date < ? LIMIT ?)", cutoffMillis, batch);
    // the audit trail and finished batch operations age by their own time, not with an instance
    delete(connection, "DELETE FROM h_audit_log WHERE audit_log_key IN (SELECT audit_log_key FROM h_audit_log"
        + " WHERE timestamp < ? LIMIT ?)", cutoffMillis, batch * OPERATOR_ROWS_PER_INSTANCE);
    List<Long> batches = keys(connection, "SELECT batch_operation_key FROM h_batch_operation"
        + " WHERE end_date <> -1 AND end_date < ? LIMIT ?", cutoffMillis, batch);
    if (!batches.isEmpty()) {
      String marks = marks(batches.size());
      delete(connection, "DELETE FROM h_batch_operation_item WHERE batch_operation_key IN (" + marks + ")",
          batches.toArray());
      delete(connection, "DELETE FROM h_batch_operation WHERE batch_operation_key IN (" + marks + ")",
          batches.toArray());
      removedBatchOperations.accept(batches);
    }
    return roots.size();
  }

  private static List<Long> keys(Connection connection, String sql, Object... arguments) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement statement = HistorySearch.prepare(connection, sql, List.of(arguments));
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        keys.add(rs.getLong(1));
      }
    }
    return keys;
  }

  private static void delete(Connection connection, String sql, Object... arguments) throws SQLException {
    try (PreparedStatement statement = HistorySearch.prepare(connection, sql, List.of(arguments))) {
      statement.executeUpdate();
    }
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }
}
