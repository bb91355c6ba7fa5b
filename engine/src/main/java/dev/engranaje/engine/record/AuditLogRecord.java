package dev.engranaje.engine.record;

/**
 * One entry of the operations audit log: who did what to which entity, and how it ended. It changes
 * no engine state; the history projection stores it, so it is searchable and retention applies.
 *
 * @param operationType the client's operation type, e.g. {@code RESOLVE}, {@code CANCEL}, {@code UPDATE}
 * @param entityType the client's entity type, e.g. {@code INCIDENT}, {@code PROCESS_INSTANCE}
 * @param entityKey the entity acted on, -1 for none (a deployment before it has a key)
 * @param actorId the authenticated user, or "anonymous" on an open API
 * @param actorType {@code USER} or {@code ANONYMOUS}
 * @param result {@code SUCCESS} or {@code FAIL}
 * @param description what happened: the outcome (e.g. the job became activatable again) or why it failed
 * @param processInstanceKey the instance concerned, -1 when none
 * @param batchOperationKey the batch operation concerned, -1 when none
 * @param batchOperationType the batch's type when {@code batchOperationKey} is set, else null
 * @param category the client's category: {@code DEPLOYED_RESOURCES}, {@code USER_TASKS} or {@code ADMIN}
 */
public record AuditLogRecord(
    String operationType,
    String entityType,
    long entityKey,
    String actorId,
    String actorType,
    String result,
    String description,
    long processInstanceKey,
    long batchOperationKey,
    String batchOperationType,
    String category)
    implements RecordValue {}
