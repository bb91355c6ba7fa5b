package dev.engranaje.engine.processing.batch;

import dev.engranaje.engine.gateway.AuditEntry;
import dev.engranaje.engine.gateway.BatchOperationRequest;
import dev.engranaje.engine.gateway.IncidentResolution;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.processing.Quarantine;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.audit.AuditLogWriter;
import dev.engranaje.engine.processing.incident.IncidentHandler;
import dev.engranaje.engine.processing.instance.ProcessInstanceHandler;
import dev.engranaje.engine.processing.job.JobCommandHandler;
import dev.engranaje.engine.record.BatchOperationIntent;
import dev.engranaje.engine.record.BatchOperationRecord;
import dev.engranaje.engine.record.BatchOperationRecord.Item;
import dev.engranaje.engine.state.BatchOperationState;
import dev.engranaje.engine.state.BatchOperationState.Batch;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.IncidentState.IncidentEntry;
import dev.engranaje.engine.state.Job;
import dev.engranaje.engine.state.JobStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates, suspends, resumes and cancels batch operations, and processes their items a few at a
 * time: {@value #CHUNK} items, then the next chunk {@value #PACE_MILLIS} ms later by the engine
 * clock (as Zeebe's batch scheduler runs on an interval), so requests interleave with a long batch
 * and a batch never hogs the processor (about 4,000 items a second at most). Each
 * item's work and its {@code ITEM_COMPLETED}/{@code ITEM_FAILED} record are stored together: after
 * a restart the batch goes on with the first item it had not processed, and none is done twice.
 */
public final class BatchOperationHandler {
  /** Items processed per chunk. */
  static final int CHUNK = 20;
  /** Engine-clock time between two chunks. */
  static final long PACE_MILLIS = 5;
  static final String NOT_FOUND = "Expected to %s batch operation with key '%d', but no unfinished batch operation"
      + " with this key was found";
  static final String WRONG_STATE = "Expected to %s batch operation with key '%d', but it is %s";
  static final String QUARANTINED = "Expected to process %s, but it stopped the engine %d times (%s); it is"
      + " quarantined: marked failed and not processed";

  /** What batch items need from the rest of the processing. */
  public record Dependencies(EngineState state, RecordWriter writer, IncidentHandler incidents,
      ProcessInstanceHandler instances, JobCommandHandler jobs, AuditLogWriter audit, Quarantine quarantine) {}

  private final EngineState state;
  private final RecordWriter writer;
  private final IncidentHandler incidents;
  private final ProcessInstanceHandler instances;
  private final JobCommandHandler jobs;
  private final AuditLogWriter audit;
  private final Quarantine quarantine;
  /** When the next chunk is due; processor-local, so a restarted engine starts with a chunk at once. */
  private long nextChunkAt;

  public BatchOperationHandler(Dependencies d) {
    this.state = d.state();
    this.writer = d.writer();
    this.incidents = d.incidents();
    this.instances = d.instances();
    this.jobs = d.jobs();
    this.audit = d.audit();
    this.quarantine = d.quarantine();
  }

  /** Creates the batch with the items the request's instances have now; returns its key. */
  public long create(BatchOperationRequest request) {
    List<Item> items = switch (request.type()) {
      case BatchOperationRequest.RESOLVE_INCIDENT -> openIncidents(request.processInstanceKeys());
      case BatchOperationRequest.CANCEL_PROCESS_INSTANCE -> activeRootInstances(request.processInstanceKeys());
      default -> throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected a batch operation type of "
          + BatchOperationRequest.RESOLVE_INCIDENT + " or " + BatchOperationRequest.CANCEL_PROCESS_INSTANCE
          + ", but got '" + request.type() + "'");
    };
    long key = state.keys().next();
    writer.event(key, BatchOperationIntent.CREATED, BatchOperationRecord.created(request.type(), request.actorId(),
        items));
    if (items.isEmpty()) {
      writer.event(key, BatchOperationIntent.COMPLETED, BatchOperationRecord.lifecycle(request.type(),
          request.actorId()));
    }
    return key;
  }

  public void suspend(long key) {
    Batch batch = unfinished(key, "suspend");
    if (batch.status() != BatchOperationState.Status.ACTIVE) {
      throw new Rejection(RejectionType.INVALID_STATE, String.format(WRONG_STATE, "suspend", key, batch.status()));
    }
    writer.event(key, BatchOperationIntent.SUSPENDED, BatchOperationRecord.lifecycle(batch.type(), batch.actorId()));
  }

  public void resume(long key) {
    Batch batch = unfinished(key, "resume");
    if (batch.status() != BatchOperationState.Status.SUSPENDED) {
      throw new Rejection(RejectionType.INVALID_STATE, String.format(WRONG_STATE, "resume", key, batch.status()));
    }
    writer.event(key, BatchOperationIntent.RESUMED, BatchOperationRecord.lifecycle(batch.type(), batch.actorId()));
  }

  public void cancel(long key) {
    Batch batch = unfinished(key, "cancel");
    writer.event(key, BatchOperationIntent.CANCELED, BatchOperationRecord.lifecycle(batch.type(), batch.actorId()));
  }

  /** When the next chunk is due (epoch millis), or {@link Long#MAX_VALUE} when no batch has work. */
  public long nextDueTime() {
    return state.batchOperations().hasWork() ? nextChunkAt : Long.MAX_VALUE;
  }

  /**
   * Processes up to {@value #CHUNK} items of the active batches, oldest batch first, when a chunk is
   * due at {@code now}.
   */
  public void processChunk(long now) {
    if (now < nextChunkAt || !state.batchOperations().hasWork()) {
      return;
    }
    nextChunkAt = now + PACE_MILLIS;
    int budget = CHUNK;
    for (Batch batch : List.copyOf(state.batchOperations().all())) {
      while (budget > 0 && batch.status() == BatchOperationState.Status.ACTIVE && batch.next() != null) {
        process(batch, batch.next());
        budget--;
      }
      if (batch.status() == BatchOperationState.Status.ACTIVE && batch.next() == null) {
        writer.event(batch.key(), BatchOperationIntent.COMPLETED,
            BatchOperationRecord.lifecycle(batch.type(), batch.actorId()));
      }
      if (budget == 0) {
        return;
      }
    }
  }

  private void process(Batch batch, Item item) {
    boolean resolve = BatchOperationRequest.RESOLVE_INCIDENT.equals(batch.type());
    String workId = "batch-item:" + batch.key() + ":" + item.itemKey();
    String description = "item '" + item.itemKey() + "' of batch operation '" + batch.key() + "'";
    if (quarantine.isQuarantined(workId)) {
      String message = String.format(QUARANTINED, description, Quarantine.THRESHOLD, quarantine.reason());
      writer.event(batch.key(), BatchOperationIntent.ITEM_FAILED,
          BatchOperationRecord.item(batch.type(), batch.actorId(), item, message));
      audit.write(itemEntry(batch, item, resolve, false, message));
      quarantine.quarantined(message);
      return;
    }
    quarantine.begin(workId, description);
    try {
      String outcome = resolve ? resolveItem(item.itemKey()) : cancelItem(item.itemKey());
      writer.event(batch.key(), BatchOperationIntent.ITEM_COMPLETED,
          BatchOperationRecord.item(batch.type(), batch.actorId(), item, null));
      audit.write(itemEntry(batch, item, resolve, true, outcome));
    } catch (Rejection rejection) {
      writer.event(batch.key(), BatchOperationIntent.ITEM_FAILED,
          BatchOperationRecord.item(batch.type(), batch.actorId(), item, rejection.getMessage()));
      audit.write(itemEntry(batch, item, resolve, false, rejection.getMessage()));
    }
  }

  private static AuditEntry itemEntry(Batch batch, Item item, boolean resolve, boolean succeeded, String outcome) {
    return AuditEntry.of(resolve ? "RESOLVE" : "CANCEL", resolve ? "INCIDENT" : "PROCESS_INSTANCE", item.itemKey(),
        batch.actorId(), succeeded, outcome).withProcessInstance(item.processInstanceKey())
        .withBatch(batch.key(), batch.type());
  }

  /** Gives a job that ran out of retries one more, as an operator's retry does, then resolves. */
  private String resolveItem(long incidentKey) {
    IncidentEntry entry = state.incidents().get(incidentKey);
    if (entry != null && !entry.resolved() && entry.record().jobKey() > 0) {
      Job job = state.jobs().get(entry.record().jobKey());
      if (job != null && job.status() == JobStatus.FAILED && job.record().retries() <= 0) {
        jobs.update(job.key(), 1, null);
      }
    }
    IncidentResolution resolution = incidents.resolve(incidentKey);
    return resolution.description();
  }

  private String cancelItem(long processInstanceKey) {
    instances.cancel(processInstanceKey);
    return "process instance canceled";
  }

  private Batch unfinished(long key, String action) {
    Batch batch = state.batchOperations().get(key);
    if (batch == null) {
      throw new Rejection(RejectionType.NOT_FOUND, String.format(NOT_FOUND, action, key));
    }
    return batch;
  }

  private List<Item> openIncidents(List<Long> processInstanceKeys) {
    Set<Long> wanted = new HashSet<>(processInstanceKeys);
    List<Item> items = new ArrayList<>();
    for (IncidentEntry entry : state.incidents().all()) {
      if (!entry.resolved() && wanted.contains(entry.record().processInstanceKey())) {
        items.add(new Item(entry.key(), entry.record().processInstanceKey()));
      }
    }
    return items;
  }

  private List<Item> activeRootInstances(List<Long> processInstanceKeys) {
    List<Item> items = new ArrayList<>();
    for (long key : new LinkedHashSet<>(processInstanceKeys)) {
      ElementInstance instance = state.elementInstances().get(key);
      if (instance != null && instance.value().bpmnElementType() == BpmnElementType.PROCESS
          && instance.value().parentProcessInstanceKey() <= 0) {
        items.add(new Item(key, key));
      }
    }
    return items;
  }
}
