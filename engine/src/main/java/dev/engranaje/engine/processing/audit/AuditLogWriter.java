package dev.engranaje.engine.processing.audit;

import dev.engranaje.engine.gateway.AuditEntry;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.AuditLogIntent;
import dev.engranaje.engine.record.AuditLogRecord;
import dev.engranaje.engine.state.KeyGenerator;

/**
 * Writes operations audit log entries as records, on the processor thread, so each entry is stored
 * with (and only with) the work it describes.
 */
public final class AuditLogWriter {
  private final KeyGenerator keys;
  private final RecordWriter writer;

  public AuditLogWriter(KeyGenerator keys, RecordWriter writer) {
    this.keys = keys;
    this.writer = writer;
  }

  /** Writes the entry; returns its key. */
  public long write(AuditEntry entry) {
    long key = keys.next();
    String actor = entry.actorId() == null ? AuditEntry.ANONYMOUS : entry.actorId();
    writer.event(key, AuditLogIntent.RECORDED, new AuditLogRecord(entry.operationType(), entry.entityType(),
        entry.entityKey(), actor, AuditEntry.ANONYMOUS.equals(actor) ? "ANONYMOUS" : "USER",
        entry.succeeded() ? "SUCCESS" : "FAIL", entry.description(), entry.processInstanceKey(),
        entry.batchOperationKey(), entry.batchOperationType(), entry.category()));
    return key;
  }
}
