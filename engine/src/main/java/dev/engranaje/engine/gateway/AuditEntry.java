package dev.engranaje.engine.gateway;

/**
 * An operator action to record in the operations audit log (see {@code AuditLogRecord} for the
 * fields). Built by the API layer, which knows who asked.
 */
public record AuditEntry(
    String operationType,
    String entityType,
    long entityKey,
    String actorId,
    boolean succeeded,
    String description,
    long processInstanceKey,
    long batchOperationKey,
    String batchOperationType,
    String category) {

  /** The actor of a request on an open API (no credentials required). */
  public static final String ANONYMOUS = "anonymous";

  /** An action on a deployed-resources entity (instances, incidents, jobs, variables, deployments). */
  public static AuditEntry of(String operationType, String entityType, long entityKey, String actorId,
      boolean succeeded, String description) {
    return new AuditEntry(operationType, entityType, entityKey, actorId, succeeded, description, -1, -1, null,
        "DEPLOYED_RESOURCES");
  }

  public AuditEntry withProcessInstance(long key) {
    return new AuditEntry(operationType, entityType, entityKey, actorId, succeeded, description, key,
        batchOperationKey, batchOperationType, category);
  }

  public AuditEntry withBatch(long key, String type) {
    return new AuditEntry(operationType, entityType, entityKey, actorId, succeeded, description, processInstanceKey,
        key, type, category);
  }
}
