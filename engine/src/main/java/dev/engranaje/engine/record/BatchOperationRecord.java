package dev.engranaje.engine.record;

import java.util.List;

/**
 * A batch operation (the record's key is the batch's key). {@code CREATED} carries every item;
 * {@code ITEM_COMPLETED}/{@code ITEM_FAILED} name one item ({@code itemKey}, {@code
 * processInstanceKey}, and for a failure its {@code errorMessage}); the other intents carry only the
 * type and actor. Unused fields are -1, an empty list or null.
 *
 * @param batchOperationType the client's type name, e.g. {@code RESOLVE_INCIDENT}
 * @param actorId who asked for it ("anonymous" on an open API)
 */
public record BatchOperationRecord(
    String batchOperationType,
    String actorId,
    List<Item> items,
    long itemKey,
    long processInstanceKey,
    String errorMessage)
    implements RecordValue {

  /** One thing the batch acts on: an incident or a process instance, and the instance it belongs to. */
  public record Item(long itemKey, long processInstanceKey) {}

  public BatchOperationRecord {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public static BatchOperationRecord created(String type, String actorId, List<Item> items) {
    return new BatchOperationRecord(type, actorId, items, -1, -1, null);
  }

  public static BatchOperationRecord lifecycle(String type, String actorId) {
    return new BatchOperationRecord(type, actorId, List.of(), -1, -1, null);
  }

  public static BatchOperationRecord item(String type, String actorId, Item item, String errorMessage) {
    return new BatchOperationRecord(type, actorId, List.of(), item.itemKey(), item.processInstanceKey(), errorMessage);
  }
}
