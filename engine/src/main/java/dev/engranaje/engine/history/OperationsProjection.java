package dev.engranaje.engine.history;

import dev.engranaje.engine.record.AuditLogRecord;
import dev.engranaje.engine.record.BatchOperationIntent;
import dev.engranaje.engine.record.BatchOperationRecord;
import dev.engranaje.engine.record.Record;
import java.sql.SQLException;

/**
 * Projects the operator side of the log into the history: batch operations with their progress and
 * per-item results ({@code h_batch_operation}, {@code h_batch_operation_item}) and the operations
 * audit log ({@code h_audit_log}). Runs inside {@link HistoryProjection}'s transaction.
 */
final class OperationsProjection {

  /** Runs one statement of the projection's transaction. */
  @FunctionalInterface
  interface Statements {
    void update(String sql, Object... args) throws SQLException;
  }

  private final Statements statements;

  OperationsProjection(Statements statements) {
    this.statements = statements;
  }

  void batchOperation(Record record, BatchOperationIntent intent, BatchOperationRecord batch) throws SQLException {
    long key = record.key();
    switch (intent) {
      case CREATED -> {
        statements.update("INSERT OR REPLACE INTO h_batch_operation (batch_operation_key, operation_type, state,"
            + " actor_id, actor_type, start_date, total_count) VALUES (?,?,?,?,?,?,?)", key,
            batch.batchOperationType(), "ACTIVE", batch.actorId(), actorType(batch.actorId()), record.timestamp(),
            batch.items().size());
        for (BatchOperationRecord.Item item : batch.items()) {
          statements.update("INSERT OR REPLACE INTO h_batch_operation_item (batch_operation_key, item_key,"
              + " process_instance_key, operation_type, state) VALUES (?,?,?,?,?)", key, item.itemKey(),
              item.processInstanceKey(), batch.batchOperationType(), "ACTIVE");
        }
      }
      case ITEM_COMPLETED, ITEM_FAILED -> {
        boolean failed = intent == BatchOperationIntent.ITEM_FAILED;
        statements.update("UPDATE h_batch_operation_item SET state = ?, processed_date = ?, error_message = ?"
            + " WHERE batch_operation_key = ? AND item_key = ?", failed ? "FAILED" : "COMPLETED", record.timestamp(),
            batch.errorMessage(), key, batch.itemKey());
        statements.update("UPDATE h_batch_operation SET " + (failed ? "failed_count = failed_count + 1"
            : "completed_count = completed_count + 1") + " WHERE batch_operation_key = ?", key);
      }
      case SUSPENDED -> state(key, "SUSPENDED");
      case RESUMED -> state(key, "ACTIVE");
      case CANCELED -> {
        statements.update("UPDATE h_batch_operation SET state = 'CANCELED', end_date = ? WHERE batch_operation_key = ?",
            record.timestamp(), key);
        statements.update("UPDATE h_batch_operation_item SET state = 'CANCELED' WHERE batch_operation_key = ?"
            + " AND state = 'ACTIVE'", key);
      }
      case COMPLETED -> statements.update("UPDATE h_batch_operation SET end_date = ?, state = CASE"
          + " WHEN failed_count = 0 THEN 'COMPLETED' WHEN completed_count = 0 THEN 'FAILED'"
          + " ELSE 'PARTIALLY_COMPLETED' END WHERE batch_operation_key = ?", record.timestamp(), key);
      default -> throw new IllegalStateException("Unexpected batch operation intent " + intent);
    }
  }

  void auditLog(Record record, AuditLogRecord entry) throws SQLException {
    statements.update("INSERT OR REPLACE INTO h_audit_log (audit_log_key, operation_type, entity_type, entity_key,"
        + " actor_id, actor_type, result, description, process_instance_key, batch_operation_key,"
        + " batch_operation_type, category, timestamp) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", record.key(),
        entry.operationType(), entry.entityType(), entry.entityKey(), entry.actorId(), entry.actorType(),
        entry.result(), entry.description(), entry.processInstanceKey(), entry.batchOperationKey(),
        entry.batchOperationType(), entry.category(), record.timestamp());
  }

  private void state(long key, String state) throws SQLException {
    statements.update("UPDATE h_batch_operation SET state = ? WHERE batch_operation_key = ?", state, key);
  }

  private static String actorType(String actorId) {
    return "anonymous".equals(actorId) ? "ANONYMOUS" : "USER";
  }
}
