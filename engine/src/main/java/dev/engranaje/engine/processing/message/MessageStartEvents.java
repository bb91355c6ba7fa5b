package dev.engranaje.engine.processing.message;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.instance.ProcessInstanceHandler;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Message start events (spec §7.2): the start events of the latest version of each process are
 * open (a new version replaces them). A published message with their name creates an instance
 * tagged with its correlation key, its variables as the instance's. While an instance tagged K is
 * active, messages with key K create nothing; a buffered one starts the latest version once that
 * instance ends. An empty key always starts. Messages published before the version that opened
 * the start event (first version with it) are ignored.
 *
 * <p>A start is recorded as {@code ProcessMessageSubscription CORRELATED} whose element instance
 * key is the new process instance's key; the state applier tags the instance from it.
 */
public final class MessageStartEvents {
  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final StateTransitionBehavior transitions;
  private final ProcessInstanceHandler instances;

  public MessageStartEvents(EngineState state, RecordWriter writer, ExpressionLanguage expressions,
      StateTransitionBehavior transitions, ProcessInstanceHandler instances) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.transitions = transitions;
    this.instances = instances;
  }

  /** A message was just published: starts one instance per process (not yet reached) that it fits. */
  public void onPublished(long messageKey, MessageRecord message, Set<String> reachedProcesses,
      List<Long> createdInstances) {
    for (DeployedDefinition definition : latestVersions()) {
      String processId = definition.record().bpmnProcessId();
      if (reachedProcesses.contains(processId) || !Objects.equals(definition.record().tenantId(), message.tenantId())) {
        continue;
      }
      ExecutableElement startEvent = startEventFor(definition, message.name());
      if (startEvent == null || blocked(processId, message.correlationKey())) {
        continue;
      }
      createdInstances.add(start(definition, startEvent, messageKey, message));
      reachedProcesses.add(processId);
    }
  }

  /** Whether a message with this name and key, published now, would start an instance. */
  public boolean wouldStart(String name, String correlationKey, String tenantId) {
    for (DeployedDefinition definition : latestVersions()) {
      if (Objects.equals(definition.record().tenantId(), tenantId) && startEventFor(definition, name) != null
          && !blocked(definition.record().bpmnProcessId(), correlationKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Called as a process instance ends: if a message start tagged it, a buffered message with its
   * key may now start the latest version (after the instance's records are written).
   */
  public void onInstanceEnded(ElementInstance processInstance) {
    if (processInstance.flowScopeKey() > 0 || !state.messages().isTagged(processInstance.key())) {
      return;
    }
    String processId = processInstance.value().bpmnProcessId();
    transitions.afterwards(() -> startBuffered(processId));
  }

  private void startBuffered(String processId) {
    DeployedDefinition definition = state.processes().latest(processId);
    if (definition == null) {
      return;
    }
    MessageRecord oldest = null;
    long oldestKey = Long.MAX_VALUE;
    ExecutableElement oldestStart = null;
    for (ExecutableElement startEvent : startEvents(definition)) {
      String name = nameOf(startEvent);
      long openedAt = openedAt(processId, name);
      for (long key : state.messages().buffered(name)) {
        if (key >= oldestKey) {
          break; // oldest first: another start event's message is older than any left here
        }
        MessageRecord candidate = state.messages().get(key);
        if (key > openedAt && !state.messages().hasCorrelated(key, processId)
            && !candidate.correlationKey().isEmpty() && !blocked(processId, candidate.correlationKey())
            && Objects.equals(candidate.tenantId(), definition.record().tenantId())) {
          oldest = candidate;
          oldestKey = key;
          oldestStart = startEvent;
          break;
        }
      }
    }
    if (oldest != null) {
      start(definition, oldestStart, oldestKey, oldest);
    }
  }

  private long start(DeployedDefinition definition, ExecutableElement startEvent, long messageKey,
      MessageRecord message) {
    Map<String, String> variables = JsonDocuments.entries(message.variables());
    long instanceKey = instances.createAtStartEvent(definition, startEvent.id(), variables);
    var record = definition.record();
    writer.event(state.keys().next(), ProcessMessageSubscriptionIntent.CORRELATED,
        new ProcessMessageSubscriptionRecord(instanceKey, instanceKey, record.processDefinitionKey(),
            record.bpmnProcessId(), startEvent.id(), message.name(), message.correlationKey(), false, messageKey,
            message.variables(), record.tenantId()));
    return instanceKey;
  }

  private boolean blocked(String processId, String correlationKey) {
    return !correlationKey.isEmpty() && state.messages().hasActiveInstance(processId, correlationKey);
  }

  /** The key of the first version of the process whose start events include this message name. */
  private long openedAt(String processId, String name) {
    long first = Long.MAX_VALUE;
    for (DeployedDefinition definition : state.processes().all()) {
      if (definition.record().bpmnProcessId().equals(processId) && startEventFor(definition, name) != null) {
        first = Math.min(first, definition.record().processDefinitionKey());
      }
    }
    return first;
  }

  private List<DeployedDefinition> latestVersions() {
    List<DeployedDefinition> latest = new ArrayList<>();
    for (DeployedDefinition definition : state.processes().all()) {
      DeployedDefinition newest = state.processes().latest(definition.record().bpmnProcessId());
      if (newest == definition) {
        latest.add(definition);
      }
    }
    return latest;
  }

  private ExecutableElement startEventFor(DeployedDefinition definition, String name) {
    for (ExecutableElement startEvent : startEvents(definition)) {
      if (name.equals(nameOf(startEvent))) {
        return startEvent;
      }
    }
    return null;
  }

  private static List<ExecutableElement> startEvents(DeployedDefinition definition) {
    return definition.process().root().children().stream()
        .filter(e -> e.type() == BpmnElementType.START_EVENT && e.eventType() == BpmnEventType.MESSAGE
            && e.message() != null)
        .toList();
  }

  private String nameOf(ExecutableElement startEvent) {
    var name = startEvent.message().name();
    if (!name.isFeel()) {
      return name.staticValue();
    }
    EvaluationResult result = expressions.evaluate(name, Map.of());
    return result instanceof EvaluationResult.Success success && success.value() instanceof String text ? text : "";
  }
}
