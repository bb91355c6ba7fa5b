package dev.engranaje.engine.state;

import dev.engranaje.engine.record.BatchOperationIntent;
import dev.engranaje.engine.record.BatchOperationRecord;
import dev.engranaje.engine.record.BatchOperationRecord.Item;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch operations that are not finished yet, with the items each still has to process. Built
 * only from {@code BATCH_OPERATION} events (so recovery resumes a batch at the first item it had not
 * processed); a finished batch leaves this state, its history stays in the history store. Not
 * thread-safe: the processor thread owns it.
 */
public final class BatchOperationState implements SnapshotPart<BatchOperationState.Image> {

  /** An unfinished batch as a snapshot holds it. */
  public record BatchImage(long key, String type, String actorId, Status status, int failed, List<Item> remaining) {}

  /** The unfinished batches, oldest first. */
  public record Image(List<BatchImage> batches) {}

  /** The status of an unfinished batch. */
  public enum Status { ACTIVE, SUSPENDED }

  /** An unfinished batch: its type, who started it, its status and the items not yet processed. */
  public static final class Batch {
    private final long key;
    private final String type;
    private final String actorId;
    private final ArrayDeque<Item> remaining;
    private Status status = Status.ACTIVE;
    private int failed;

    Batch(long key, String type, String actorId, List<Item> items) {
      this.key = key;
      this.type = type;
      this.actorId = actorId;
      this.remaining = new ArrayDeque<>(items);
    }

    public long key() {
      return key;
    }

    public String type() {
      return type;
    }

    public String actorId() {
      return actorId;
    }

    public Status status() {
      return status;
    }

    /** How many of its items failed so far. */
    public int failed() {
      return failed;
    }

    /** The first item not processed yet, or null when none is left. */
    public Item next() {
      return remaining.peekFirst();
    }

    /** How many items are not processed yet. */
    public int remainingCount() {
      return remaining.size();
    }
  }

  private final Map<Long, Batch> batches = new LinkedHashMap<>();

  @Override
  public String snapshotName() {
    return "batchOperations";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    // items are records, so copying the list is enough
    return new Image(batches.values().stream().map(b -> new BatchImage(b.key, b.type, b.actorId, b.status, b.failed,
        List.copyOf(b.remaining))).toList());
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    for (BatchImage saved : image.batches()) {
      Batch batch = new Batch(saved.key(), saved.type(), saved.actorId(), saved.remaining());
      batch.status = saved.status();
      batch.failed = saved.failed();
      batches.put(saved.key(), batch);
    }
  }

  public Batch get(long key) {
    return batches.get(key);
  }

  /** The unfinished batches, oldest first. */
  public Collection<Batch> all() {
    return Collections.unmodifiableCollection(batches.values());
  }

  /** Whether some active batch has items left to process. */
  public boolean hasWork() {
    for (Batch batch : batches.values()) {
      if (batch.status == Status.ACTIVE) {
        return true;
      }
    }
    return false;
  }

  void apply(long key, BatchOperationIntent intent, BatchOperationRecord record) {
    switch (intent) {
      case CREATED -> batches.put(key, new Batch(key, record.batchOperationType(), record.actorId(), record.items()));
      case ITEM_COMPLETED, ITEM_FAILED -> {
        Batch batch = batches.get(key);
        if (batch != null) {
          // items are processed in order, so this is the head; the scan only guards odd logs
          if (!batch.remaining.isEmpty() && batch.remaining.peekFirst().itemKey() == record.itemKey()) {
            batch.remaining.pollFirst();
          } else {
            batch.remaining.removeIf(item -> item.itemKey() == record.itemKey());
          }
          if (intent == BatchOperationIntent.ITEM_FAILED) {
            batch.failed++;
          }
        }
      }
      case SUSPENDED -> setStatus(key, Status.SUSPENDED);
      case RESUMED -> setStatus(key, Status.ACTIVE);
      case CANCELED, COMPLETED -> batches.remove(key);
      default -> throw new IllegalStateException("Unexpected batch operation intent " + intent);
    }
  }

  private void setStatus(long key, Status status) {
    Batch batch = batches.get(key);
    if (batch != null) {
      batch.status = status;
    }
  }
}
