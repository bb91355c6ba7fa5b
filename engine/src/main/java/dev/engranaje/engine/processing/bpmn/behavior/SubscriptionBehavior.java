package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.MessageDefinition;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens, correlates and closes message subscriptions (spec §7.2, §7.4). The message name and
 * correlation key are evaluated once, on activation. A new subscription takes the oldest buffered
 * message it matches, unless that message already reached an instance of the same process id. A
 * correlated catch event or receive task completes with the message variables as its payload; a
 * boundary event interrupts its activity or, non-interrupting, activates beside it and stays open.
 */
public final class SubscriptionBehavior {
  static final String NAME_NOT_STRING =
      "Expected the message name of '%s' to be a non-empty string, but it was %s";
  static final String KEY_WRONG_TYPE =
      "Expected the correlation key of '%s' to be a string or a number, but it was %s";

  private static final String NO_VARIABLES = "{}";

  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final StateTransitionBehavior transitions;
  private final IncidentBehavior incidents;

  public SubscriptionBehavior(EngineState state, RecordWriter writer, ExpressionLanguage expressions,
      VariableBehavior variables, StateTransitionBehavior transitions, IncidentBehavior incidents) {
    this.incidents = incidents;
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.variables = variables;
    this.transitions = transitions;
  }

  /**
   * Evaluates the message of the element itself (catch event, receive task) and of its message
   * boundary events. Nothing is written, so a failure leaves no half-opened subscriptions behind.
   */
  public Outcome<List<ProcessMessageSubscriptionRecord>> prepare(ElementInstance instance, ExecutableElement element) {
    List<ProcessMessageSubscriptionRecord> subscriptions = new ArrayList<>();
    if (element.message() != null) {
      Outcome<ProcessMessageSubscriptionRecord> own = evaluate(instance, element, true);
      if (own.isFailure()) {
        return Outcome.failed(own.failure());
      }
      subscriptions.add(own.value());
    }
    List<ExecutableElement> triggers = new ArrayList<>(element.boundaryEvents());
    triggers.addAll(element.eventSubprocessStarts());
    for (ExecutableElement boundary : triggers) {
      if (boundary.eventType() != BpmnEventType.MESSAGE || boundary.message() == null) {
        continue;
      }
      Outcome<ProcessMessageSubscriptionRecord> opened = evaluate(instance, boundary, boundary.interrupting());
      if (opened.isFailure()) {
        return Outcome.failed(opened.failure());
      }
      subscriptions.add(opened.value());
    }
    return Outcome.ok(subscriptions);
  }

  /**
   * Like {@link #prepare}, but raises the failure as an incident and returns null; the element then
   * stays ACTIVATING and is activated again once the incident is resolved.
   */
  public List<ProcessMessageSubscriptionRecord> prepareOrRaise(ElementInstance instance, ExecutableElement element) {
    Outcome<List<ProcessMessageSubscriptionRecord>> prepared = prepare(instance, element);
    if (prepared.isFailure()) {
      incidents.raise(instance, prepared.failure(), -1);
      return null;
    }
    return prepared.value();
  }

  /**
   * Evaluates the message of a catch event on behalf of another element instance (an event-based
   * gateway): the subscription belongs to {@code owner} and targets {@code catching}.
   */
  public Outcome<ProcessMessageSubscriptionRecord> prepareFor(ElementInstance owner, ExecutableElement catching) {
    return evaluate(owner, catching, true);
  }

  /** Writes the prepared subscriptions (CREATED). */
  public void open(List<ProcessMessageSubscriptionRecord> subscriptions) {
    for (ProcessMessageSubscriptionRecord subscription : subscriptions) {
      writer.event(state.keys().next(), ProcessMessageSubscriptionIntent.CREATED, subscription);
    }
  }

  /**
   * Gives each open subscription of an ACTIVATED element instance the oldest buffered message that
   * matches it and has not yet reached this process id. Stops once the instance leaves.
   */
  public void correlateBuffered(ElementInstance instance) {
    for (long subscriptionKey : state.subscriptions().forElementInstance(instance.key())) {
      ProcessMessageSubscriptionRecord subscription = state.subscriptions().get(subscriptionKey);
      if (subscription == null) {
        continue;
      }
      for (long messageKey : List.copyOf(state.messages().buffered(subscription.messageName(),
          subscription.correlationKey()))) {
        MessageRecord message = state.messages().get(messageKey);
        if (state.messages().hasCorrelated(messageKey, subscription.bpmnProcessId())
            || !Objects.equals(message.tenantId(), subscription.tenantId())) {
          continue;
        }
        correlate(subscriptionKey, messageKey, message.variables());
        break;
      }
      ElementInstance stillThere = state.elementInstances().get(instance.key());
      if (stillThere == null || stillThere.state() != ElementState.ACTIVATED) {
        return;
      }
    }
  }

  /**
   * Correlates a message to an open subscription whose element instance is ACTIVATED, and triggers
   * the catching element. Returns false (writing nothing) when the instance cannot take it now.
   */
  public boolean correlate(long subscriptionKey, long messageKey, String variablesJson) {
    ProcessMessageSubscriptionRecord subscription = state.subscriptions().get(subscriptionKey);
    if (subscription == null) {
      return false;
    }
    ElementInstance owner = state.elementInstances().get(subscription.elementInstanceKey());
    if (owner == null || owner.state() != ElementState.ACTIVATED) {
      return false;
    }
    String json = variablesJson == null || variablesJson.isBlank() ? NO_VARIABLES : variablesJson;
    writer.event(subscriptionKey, ProcessMessageSubscriptionIntent.CORRELATED,
        subscription.correlatedWith(messageKey, json));
    Map<String, String> payload = JsonDocuments.entries(json);
    if (subscription.elementId().equals(owner.elementId())) {
      transitions.complete(owner, payload, null);
      return true;
    }
    if (owner.value().bpmnElementType() == dev.engranaje.engine.model.BpmnElementType.EVENT_BASED_GATEWAY) {
      transitions.triggerEventBasedGateway(owner, subscription.elementId(), payload);
      return true;
    }
    ExecutableElement eventSubprocessStart = transitions.elementOf(owner).eventSubprocessStarts().stream()
        .filter(start -> start.id().equals(subscription.elementId()))
        .findFirst()
        .orElse(null);
    if (eventSubprocessStart != null) {
      transitions.triggerEventSubprocess(owner, eventSubprocessStart, payload);
      return true;
    }
    ExecutableElement boundary = transitions.elementOf(owner).boundaryEvents().stream()
        .filter(b -> b.id().equals(subscription.elementId()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Expected boundary event '" + subscription.elementId()
            + "' on '" + owner.elementId() + "', but the process has none"));
    if (boundary.interrupting()) {
      transitions.interrupt(owner, boundary, payload);
    } else {
      transitions.activateBoundary(boundary, state.elementInstances().get(owner.flowScopeKey()), payload);
    }
    return true;
  }

  /** Deletes the subscriptions of the event subprocess starts of a scope (an interrupting one fired). */
  public void closeEventSubprocessSubscriptions(ElementInstance scope, ExecutableElement element) {
    for (long key : state.subscriptions().forElementInstance(scope.key())) {
      ProcessMessageSubscriptionRecord subscription = state.subscriptions().get(key);
      if (element.eventSubprocessStarts().stream().anyMatch(start -> start.id().equals(subscription.elementId()))) {
        writer.event(key, ProcessMessageSubscriptionIntent.DELETED, subscription);
      }
    }
  }

  /** Deletes every subscription the element instance opened; called when it is left. */
  public void closeAll(ElementInstance instance) {
    for (long key : state.subscriptions().forElementInstance(instance.key())) {
      writer.event(key, ProcessMessageSubscriptionIntent.DELETED, state.subscriptions().get(key));
    }
  }

  private Outcome<ProcessMessageSubscriptionRecord> evaluate(ElementInstance instance, ExecutableElement catching,
      boolean interrupting) {
    MessageDefinition message = catching.message();
    Map<String, Object> visible = message.name().isFeel() || message.correlationKey().isFeel()
        ? variables.visibleValues(instance.key())
        : Map.of();
    Outcome<Object> name = value(message.name(), visible);
    if (name.isFailure()) {
      return Outcome.failed(name.failure());
    }
    if (!(name.value() instanceof String text) || text.isEmpty()) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
          String.format(NAME_NOT_STRING, catching.id(), describe(name.value())));
    }
    Outcome<Object> evaluatedKey = value(message.correlationKey(), visible);
    if (evaluatedKey.isFailure()) {
      return Outcome.failed(evaluatedKey.failure());
    }
    Object key = evaluatedKey.value();
    String correlationKey;
    if (key instanceof String string) {
      correlationKey = string;
    } else if (key instanceof Number number) {
      // numeric keys become long strings (spec §13)
      correlationKey = Long.toString(new BigDecimal(number.toString()).longValue());
    } else {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, String.format(KEY_WRONG_TYPE, catching.id(), describe(key)));
    }
    ProcessInstanceRecord value = instance.value();
    return Outcome.ok(new ProcessMessageSubscriptionRecord(instance.key(), value.processInstanceKey(),
        value.processDefinitionKey(), value.bpmnProcessId(), catching.id(), text, correlationKey, interrupting, -1,
        NO_VARIABLES, value.tenantId()));
  }

  private Outcome<Object> value(Expression expression, Map<String, Object> visible) {
    EvaluationResult result = expressions.evaluate(expression, visible);
    if (result instanceof EvaluationResult.Failure failure) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
    }
    return Outcome.ok(((EvaluationResult.Success) result).value());
  }

  private static String describe(Object value) {
    return value == null ? "null" : "'" + JsonDocuments.write(value) + "' (" + value.getClass().getSimpleName() + ")";
  }
}
