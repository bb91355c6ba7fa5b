package dev.engranaje.test;

import dev.engranaje.engine.RecordCollector;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.RecordValue;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every record the engine committed, as its exporter saw them, with the per-instance views the
 * assertions read and a readable rendering of one instance's log for failure messages. Thread-safe.
 */
public final class ProcessRecords extends RecordCollector {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int MAX_VALUE_CHARS = 120;

  /** The events of one process instance (any value type that names the instance), in log order. */
  public List<Record> eventsOf(long processInstanceKey) {
    return matching(r -> r.recordType() == RecordType.EVENT && processInstanceKey(r.value()) == processInstanceKey);
  }

  /** The element lifecycle events (process-instance value type) of one instance, in log order. */
  public List<Record> elementEvents(long processInstanceKey) {
    return eventsOf(processInstanceKey).stream().filter(r -> r.valueType() == ValueType.PROCESS_INSTANCE).toList();
  }

  /** Whether an element of the instance went through this lifecycle step. */
  public boolean hasElementEvent(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    return elementEvents(processInstanceKey).stream()
        .anyMatch(r -> r.intent() == intent && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId));
  }

  /** Every write (created or updated) of a variable on one scope, oldest first. */
  public List<Record> variableWrites(long scopeKey, String name) {
    return matching(r -> r.valueType() == ValueType.VARIABLE && r.recordType() == RecordType.EVENT
        && ((VariableRecord) r.value()).scopeKey() == scopeKey && ((VariableRecord) r.value()).name().equals(name));
  }

  /** The process instance a record value belongs to, or -1 when it belongs to none. */
  static long processInstanceKey(RecordValue value) {
    if (value instanceof ProcessInstanceRecord element) {
      return element.processInstanceKey();
    } else if (value instanceof JobRecord job) {
      return job.processInstanceKey();
    } else if (value instanceof VariableRecord variable) {
      return variable.processInstanceKey();
    } else if (value instanceof IncidentRecord incident) {
      return incident.processInstanceKey();
    } else if (value instanceof TimerRecord timer) {
      return timer.processInstanceKey();
    } else if (value instanceof UserTaskRecord task) {
      return task.processInstanceKey();
    } else if (value instanceof ProcessMessageSubscriptionRecord subscription) {
      return subscription.processInstanceKey();
    }
    return -1;
  }

  /** One instance's events, a line each: position, engine time, value type, intent and what it is about. */
  public String format(long processInstanceKey) {
    List<Record> events = eventsOf(processInstanceKey);
    StringBuilder text = new StringBuilder("Record log of process instance ").append(processInstanceKey)
        .append(" (").append(events.size()).append(" events):\n");
    for (Record record : events) {
      text.append(String.format("  %5d  %s  %-22s %-20s %s%n", record.position(),
          TIME.format(Instant.ofEpochMilli(record.timestamp())), record.valueType(), record.intent(), describe(record.value())));
    }
    return text.toString();
  }

  private static String describe(RecordValue value) {
    if (value instanceof ProcessInstanceRecord element) {
      return element.bpmnElementType() + " '" + element.elementId() + "'";
    } else if (value instanceof JobRecord job) {
      String error = job.errorCode() != null && !job.errorCode().isEmpty() ? " error " + job.errorCode() : "";
      String message = job.errorMessage() != null && !job.errorMessage().isEmpty() ? ": " + job.errorMessage() : "";
      return "'" + job.type() + "' on '" + job.elementId() + "', retries " + job.retries() + error + message;
    } else if (value instanceof VariableRecord variable) {
      return variable.name() + " = " + shorten(variable.value()) + " (scope " + variable.scopeKey() + ")";
    } else if (value instanceof IncidentRecord incident) {
      return incident.errorType() + " on '" + incident.elementId() + "': " + incident.errorMessage();
    } else if (value instanceof TimerRecord timer) {
      return "'" + timer.targetElementId() + "' due " + TIME.format(Instant.ofEpochMilli(timer.dueDate()));
    } else if (value instanceof UserTaskRecord task) {
      String assignee = task.assignee().isEmpty() ? "" : ", assignee " + task.assignee();
      return "'" + task.elementId() + "' (task " + task.userTaskKey() + assignee + ")";
    } else if (value instanceof ProcessMessageSubscriptionRecord subscription) {
      return "message '" + subscription.messageName() + "' key '" + subscription.correlationKey() + "' on '"
          + subscription.elementId() + "'";
    }
    return shorten(value.toString());
  }

  private static String shorten(String text) {
    return text == null || text.length() <= MAX_VALUE_CHARS ? String.valueOf(text)
        : text.substring(0, MAX_VALUE_CHARS) + "... (" + text.length() + " chars)";
  }
}
