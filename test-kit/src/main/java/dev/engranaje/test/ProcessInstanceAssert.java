package dev.engranaje.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one process instance, read from the engine's record log. "Eventually" assertions
 * ({@link #isCompleted()}, {@link #hasPassedElements}, {@link #hasIncident}, ...) wait until they
 * hold, skipping time to the next timer whenever the engine is idle (see {@link ProcessTestEngine});
 * "now" assertions ({@link #isActive()}, {@link #hasActiveElements}, variables, ...) wait until the
 * engine is idle and look once. A failure names what was expected and what the instance did, followed
 * by its record log.
 */
public final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (left, right) -> {
    if (left.isNumber() && right.isNumber()) {
      return new BigDecimal(left.asText()).compareTo(new BigDecimal(right.asText()));
    }
    return left.equals(right) ? 0 : 1;
  };

  private final ProcessTestEngine engine;

  ProcessInstanceAssert(ProcessInstance instance) {
    super(instance, ProcessInstanceAssert.class);
    this.engine = instance.engine();
  }

  // --- state --------------------------------------------------------------------------------

  /** The instance completes (waiting, and skipping time, until it ends). */
  public ProcessInstanceAssert isCompleted() {
    eventually(this::ended);
    if (!hasRootEvent(ProcessInstanceIntent.ELEMENT_COMPLETED)) {
      fail("to be completed, but it is " + stateDescription());
    }
    return this;
  }

  /** The instance is terminated (cancelled, or ended by a terminate end event's parent). */
  public ProcessInstanceAssert isTerminated() {
    eventually(this::ended);
    if (!hasRootEvent(ProcessInstanceIntent.ELEMENT_TERMINATED)) {
      fail("to be terminated, but it is " + stateDescription());
    }
    return this;
  }

  /** The instance is still running once the engine is idle. */
  public ProcessInstanceAssert isActive() {
    engine.awaitIdle();
    if (!hasRootEvent(ProcessInstanceIntent.ELEMENT_ACTIVATED) || ended()) {
      fail("to be active, but it is " + stateDescription());
    }
    return this;
  }

  // --- elements -----------------------------------------------------------------------------

  /** Every one of these elements completed (or, for a boundary or start event, occurred) at least once. */
  public ProcessInstanceAssert hasPassedElements(String... elementIds) {
    eventually(() -> passedInOrder().containsAll(List.of(elementIds)));
    List<String> missing = new ArrayList<>(List.of(elementIds));
    missing.removeAll(passedInOrder());
    if (!missing.isEmpty()) {
      fail("to have passed " + List.of(elementIds) + ", but it did not pass " + missing + "; it passed "
          + passedInOrder());
    }
    return this;
  }

  /** These elements completed in this order (others may come between them). */
  public ProcessInstanceAssert hasPassedElementsInOrder(String... elementIds) {
    hasPassedElements(elementIds);
    List<String> passed = passedInOrder();
    int at = 0;
    for (String id : elementIds) {
      int found = passed.subList(at, passed.size()).indexOf(id);
      if (found < 0) {
        fail("to have passed " + List.of(elementIds) + " in this order, but it passed " + passed);
      }
      at += found + 1;
    }
    return this;
  }

  /** None of these elements completed, once the engine is idle. */
  public ProcessInstanceAssert hasNotPassedElements(String... elementIds) {
    engine.awaitIdle();
    List<String> passed = passedInOrder();
    List<String> unexpected = among(elementIds, passed, true);
    if (!unexpected.isEmpty()) {
      fail("not to have passed " + unexpected + ", but it passed " + passed);
    }
    return this;
  }

  /** These elements are active (entered and not left), once the engine is idle. */
  public ProcessInstanceAssert hasActiveElements(String... elementIds) {
    engine.awaitIdle();
    Set<String> active = activeElements();
    List<String> missing = among(elementIds, active, false);
    if (!missing.isEmpty()) {
      fail("to have " + missing + " active, but the active elements are " + active);
    }
    return this;
  }

  /** None of these elements is active, once the engine is idle. */
  public ProcessInstanceAssert hasNoActiveElements(String... elementIds) {
    engine.awaitIdle();
    List<String> unexpected = among(elementIds, activeElements(), true);
    if (!unexpected.isEmpty()) {
      fail("not to have " + unexpected + " active, but they are");
    }
    return this;
  }

  /** The ids that are ({@code present}) or are not in the collection. */
  private static List<String> among(String[] ids, java.util.Collection<String> collection, boolean present) {
    return Arrays.stream(ids).filter(id -> collection.contains(id) == present).toList();
  }

  // --- incidents ----------------------------------------------------------------------------

  /** The instance has an active incident (waiting until it has one). */
  public ProcessInstanceAssert hasIncident() {
    eventually(() -> !activeIncidents().isEmpty());
    if (activeIncidents().isEmpty()) {
      fail("to have an incident, but it has none and is " + stateDescription());
    }
    return this;
  }

  /**
   * The instance has an active incident of this type (e.g. {@code JOB_NO_RETRIES}, {@code
   * UNHANDLED_ERROR_EVENT}, {@code IO_MAPPING_ERROR}) whose message contains this text.
   */
  public ProcessInstanceAssert hasIncident(String errorType, String messageContains) {
    eventually(() -> activeIncidents().stream().anyMatch(i -> matches(i, errorType, messageContains)));
    if (activeIncidents().stream().noneMatch(i -> matches(i, errorType, messageContains))) {
      fail("to have an incident " + errorType + " with a message containing '" + messageContains + "', but its incidents are "
          + activeIncidents().stream().map(i -> i.errorType() + " on '" + i.elementId() + "': " + i.errorMessage()).toList());
    }
    return this;
  }

  /** The instance has an active incident on this element. */
  public ProcessInstanceAssert hasIncidentOn(String elementId) {
    eventually(() -> activeIncidents().stream().anyMatch(i -> i.elementId().equals(elementId)));
    if (activeIncidents().stream().noneMatch(i -> i.elementId().equals(elementId))) {
      fail("to have an incident on '" + elementId + "', but it has " + activeIncidents().size() + " elsewhere");
    }
    return this;
  }

  /** No incident is active, once the engine is idle. */
  public ProcessInstanceAssert hasNoIncidents() {
    engine.awaitIdle();
    if (!activeIncidents().isEmpty()) {
      fail("to have no incident, but it has " + activeIncidents().stream()
          .map(i -> i.errorType() + " on '" + i.elementId() + "': " + i.errorMessage()).toList());
    }
    return this;
  }

  private static boolean matches(IncidentRecord incident, String errorType, String messageContains) {
    return incident.errorType().equals(errorType) && incident.errorMessage() != null
        && incident.errorMessage().contains(messageContains);
  }

  // --- variables ----------------------------------------------------------------------------

  /**
   * A process-level variable has this value. Values compare as JSON: numbers by value (so {@code 3}
   * equals {@code 3.0}), maps and lists deeply; money as exact decimal strings compares as strings.
   */
  public ProcessInstanceAssert hasVariable(String name, Object expected) {
    engine.awaitIdle();
    return checkVariable(globalVariables(), "variable", name, expected);
  }

  /** Every entry is a process-level variable with that value. */
  public ProcessInstanceAssert hasVariables(Map<String, ?> expected) {
    expected.forEach(this::hasVariable);
    return this;
  }

  /** A process-level variable with this name exists. */
  public ProcessInstanceAssert hasVariableNamed(String name) {
    engine.awaitIdle();
    if (!globalVariables().containsKey(name)) {
      fail("to have a variable '" + name + "', but its variables are " + globalVariables().keySet());
    }
    return this;
  }

  /** A variable local to the latest instance of an element (its input mappings, for example) has this value. */
  public ProcessInstanceAssert hasLocalVariable(String elementId, String name, Object expected) {
    engine.awaitIdle();
    long scope = latestElementInstance(elementId);
    if (scope < 0) {
      fail("to have a local variable '" + name + "' on '" + elementId + "', but the element was never entered");
    }
    return checkVariable(variablesOf(scope), "local variable of '" + elementId + "'", name, expected);
  }

  /** The process-level variables now, by name, with JSON values parsed (decimals exact). */
  public Map<String, Object> variables() {
    engine.awaitIdle();
    Map<String, Object> values = new LinkedHashMap<>();
    globalVariables().forEach((name, json) -> values.put(name, engine.jsonValue(json)));
    return values;
  }

  private ProcessInstanceAssert checkVariable(Map<String, String> variables, String what, String name, Object expected) {
    String actual = variables.get(name);
    if (actual == null) {
      fail("to have a " + what + " '" + name + "', but it has only " + variables.keySet());
    }
    JsonNode actualTree = engine.jsonTree(actual);
    if (!actualTree.equals(NUMBERS_BY_VALUE, engine.jsonTree(expected))) {
      fail("to have the " + what + " '" + name + "' = " + engine.jsonTree(expected) + ", but it is " + actual);
    }
    return this;
  }

  private Map<String, String> globalVariables() {
    return variablesOf(actual.key());
  }

  private Map<String, String> variablesOf(long scopeKey) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Record record : events(ValueType.VARIABLE)) {
      VariableRecord variable = (VariableRecord) record.value();
      if (variable.scopeKey() == scopeKey) {
        values.put(variable.name(), variable.value());
      }
    }
    return values;
  }

  // --- user tasks and messages --------------------------------------------------------------

  /** An active user task of this element exists, once the engine is idle; assert on it further. */
  public UserTaskAssert hasActiveUserTask(String elementId) {
    Optional<UserTaskRecord> task = engine.activeUserTask(actual, elementId);
    if (task.isEmpty()) {
      fail("to have an active user task '" + elementId + "', but the active elements are " + activeElements());
    }
    return new UserTaskAssert(task.get(), this);
  }

  /** A message with this name was correlated to one of the instance's subscriptions (waiting for it). */
  public ProcessInstanceAssert hasCorrelatedMessage(String messageName) {
    eventually(() -> correlatedMessages().contains(messageName));
    if (!correlatedMessages().contains(messageName)) {
      fail("to have correlated a message '" + messageName + "', but it correlated " + correlatedMessages());
    }
    return this;
  }

  private List<String> correlatedMessages() {
    return events(ValueType.PROCESS_MESSAGE_SUBSCRIPTION).stream()
        .filter(r -> r.intent() == ProcessMessageSubscriptionIntent.CORRELATED)
        .map(r -> ((ProcessMessageSubscriptionRecord) r.value()).messageName()).toList();
  }

  /** The instance's record log, a line per event. */
  public String recordLog() {
    return actual.recordLog();
  }

  // --- reading the log ----------------------------------------------------------------------

  private void eventually(BooleanSupplier condition) {
    engine.awaitCondition(condition);
  }

  private List<Record> events(ValueType type) {
    return engine.records().eventsOf(actual.key()).stream().filter(r -> r.valueType() == type).toList();
  }

  private boolean hasRootEvent(ProcessInstanceIntent intent) {
    return events(ValueType.PROCESS_INSTANCE).stream().anyMatch(r -> r.key() == actual.key() && r.intent() == intent);
  }

  private boolean ended() {
    return hasRootEvent(ProcessInstanceIntent.ELEMENT_COMPLETED) || hasRootEvent(ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** Ids of elements (not the process itself) in the order they completed; events count when they occurred. */
  private List<String> passedInOrder() {
    return events(ValueType.PROCESS_INSTANCE).stream()
        .filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.key() != actual.key())
        .map(r -> ((ProcessInstanceRecord) r.value()).elementId()).toList();
  }

  private Set<String> activeElements() {
    Map<Long, String> active = new LinkedHashMap<>();
    for (Record record : events(ValueType.PROCESS_INSTANCE)) {
      if (record.key() == actual.key()) {
        continue;
      }
      String elementId = ((ProcessInstanceRecord) record.value()).elementId();
      if (record.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        active.put(record.key(), elementId);
      } else if (record.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          || record.intent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        active.remove(record.key());
      }
    }
    return new LinkedHashSet<>(active.values());
  }

  private long latestElementInstance(String elementId) {
    long latest = -1;
    for (Record record : events(ValueType.PROCESS_INSTANCE)) {
      if (record.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
          && ((ProcessInstanceRecord) record.value()).elementId().equals(elementId)) {
        latest = record.key();
      }
    }
    return latest;
  }

  private List<IncidentRecord> activeIncidents() {
    Map<Long, IncidentRecord> active = new LinkedHashMap<>();
    for (Record record : events(ValueType.INCIDENT)) {
      if (record.intent() == IncidentIntent.CREATED) {
        active.put(record.key(), (IncidentRecord) record.value());
      } else if (record.intent() == IncidentIntent.RESOLVED) {
        active.remove(record.key());
      }
    }
    return List.copyOf(active.values());
  }

  private String stateDescription() {
    if (hasRootEvent(ProcessInstanceIntent.ELEMENT_COMPLETED)) {
      return "completed";
    }
    if (hasRootEvent(ProcessInstanceIntent.ELEMENT_TERMINATED)) {
      return "terminated";
    }
    if (!hasRootEvent(ProcessInstanceIntent.ELEMENT_ACTIVATED)) {
      return "unknown to the engine";
    }
    List<String> incidents = activeIncidents().stream().map(i -> i.errorType() + " on '" + i.elementId() + "'").toList();
    return "active at " + activeElements() + (incidents.isEmpty() ? "" : " with incidents " + incidents);
  }

  /** Fails with what was expected, then the record log. */
  void fail(String expectation) {
    throw new AssertionError("Expected " + actual + " " + expectation + "\n\n" + actual.recordLog());
  }
}
