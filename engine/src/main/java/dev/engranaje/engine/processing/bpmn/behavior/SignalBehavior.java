package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.SignalIntent;
import dev.engranaje.engine.record.SignalRecord;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Signal subscriptions and broadcasts (spec §7.3). Catch events and signal boundary events
 * subscribe on activation (the name is evaluated then, in the element scope) and unsubscribe when
 * they are left; the signal starts of event subprocesses subscribe when their scope activates and
 * unsubscribe when it is left or interrupted; an event-based gateway subscribes for its signal
 * catch events; process start events subscribe at deploy ({@code catchEventInstanceKey} -1). A
 * broadcast triggers every open subscription to its name at that moment; nothing is buffered.
 */
public final class SignalBehavior {
  static final String NAME_NOT_STRING = "Expected the signal name of '%s' to be a non-empty string, but it was %s";

  /** The element instance key of start-event subscriptions. */
  public static final long NO_INSTANCE = -1;

  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final StateTransitionBehavior transitions;
  private final IncidentBehavior incidents;
  private final BiConsumer<SignalSubscriptionRecord, Map<String, String>> startInstance;

  /**
   * @param startInstance creates an instance at the start event of a start-event subscription, with
   *     the signal variables
   */
  public SignalBehavior(EngineState state, RecordWriter writer, ExpressionLanguage expressions,
      VariableBehavior variables, StateTransitionBehavior transitions, IncidentBehavior incidents,
      BiConsumer<SignalSubscriptionRecord, Map<String, String>> startInstance) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.variables = variables;
    this.transitions = transitions;
    this.incidents = incidents;
    this.startInstance = startInstance;
  }

  /**
   * Evaluates the signal names of the element itself (catch event), of its signal boundary events
   * and of the signal starts of its event subprocesses; raises a failure as an incident and returns
   * null (the element stays ACTIVATING).
   */
  public List<SignalSubscriptionRecord> prepareOrRaise(ElementInstance instance, ExecutableElement element) {
    List<SignalSubscriptionRecord> subscriptions = new ArrayList<>();
    List<ExecutableElement> catching = new ArrayList<>();
    if (element.type() == BpmnElementType.INTERMEDIATE_CATCH_EVENT && element.eventType() == BpmnEventType.SIGNAL
        && element.signalName() != null) {
      catching.add(element);
    }
    List<ExecutableElement> triggers = new ArrayList<>(element.boundaryEvents());
    triggers.addAll(element.eventSubprocessStarts());
    for (ExecutableElement trigger : triggers) {
      if (trigger.eventType() == BpmnEventType.SIGNAL && trigger.signalName() != null) {
        catching.add(trigger);
      }
    }
    for (ExecutableElement catcher : catching) {
      Outcome<SignalSubscriptionRecord> subscription = prepare(instance, catcher, catcher == element
          || catcher.interrupting());
      if (subscription.isFailure()) {
        incidents.raise(instance, subscription.failure(), -1);
        return null;
      }
      subscriptions.add(subscription.value());
    }
    return subscriptions;
  }

  /**
   * Evaluates the signal name of a catch event on behalf of another element instance (an
   * event-based gateway): the subscription belongs to {@code owner} and targets {@code catching}.
   */
  public Outcome<SignalSubscriptionRecord> prepareFor(ElementInstance owner, ExecutableElement catching) {
    return prepare(owner, catching, true);
  }

  private Outcome<SignalSubscriptionRecord> prepare(ElementInstance owner, ExecutableElement catching,
      boolean interrupting) {
    Outcome<String> name = evaluateName(owner, catching);
    if (name.isFailure()) {
      return Outcome.failed(name.failure());
    }
    ProcessInstanceRecord value = owner.value();
    return Outcome.ok(new SignalSubscriptionRecord(name.value(), value.processDefinitionKey(), value.bpmnProcessId(),
        catching.id(), owner.key(), interrupting, value.tenantId()));
  }

  /** Evaluates a signal name in the element's scope: a non-empty string, else EXTRACT_VALUE_ERROR. */
  public Outcome<String> evaluateName(ElementInstance instance, ExecutableElement element) {
    Map<String, Object> visible = element.signalName().isFeel() ? variables.visibleValues(instance.key()) : Map.of();
    EvaluationResult result = expressions.evaluate(element.signalName(), visible);
    if (result instanceof EvaluationResult.Failure failure) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
    }
    Object name = ((EvaluationResult.Success) result).value();
    if (!(name instanceof String text) || text.isEmpty()) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, String.format(NAME_NOT_STRING, element.id(),
          name == null ? "null" : "'" + JsonDocuments.write(name) + "'"));
    }
    return Outcome.ok(text);
  }

  /** Writes the prepared subscriptions (CREATED). */
  public void open(List<SignalSubscriptionRecord> subscriptions) {
    for (SignalSubscriptionRecord subscription : subscriptions) {
      writer.event(state.keys().next(), SignalSubscriptionIntent.CREATED, subscription);
    }
  }

  /** Deletes the subscriptions of the event subprocess starts of a scope (an interrupting one fired). */
  public void closeEventSubprocessSubscriptions(ElementInstance scope, ExecutableElement element) {
    for (long key : state.signalSubscriptions().forElementInstance(scope.key())) {
      SignalSubscriptionRecord subscription = state.signalSubscriptions().get(key);
      if (element.eventSubprocessStarts().stream().anyMatch(start -> start.id().equals(subscription.catchElementId()))) {
        writer.event(key, SignalSubscriptionIntent.DELETED, subscription);
      }
    }
  }

  /** Deletes every subscription the element instance opened; called when it is left. */
  public void closeAll(ElementInstance instance) {
    closeAll(instance.key());
  }

  /** Deletes every subscription opened by an element instance key (-1: all start-event subscriptions). */
  public void closeAll(long elementInstanceKey) {
    for (long key : state.signalSubscriptions().forElementInstance(elementInstanceKey)) {
      writer.event(key, SignalSubscriptionIntent.DELETED, state.signalSubscriptions().get(key));
    }
  }

  /**
   * Broadcasts a signal: BROADCASTED, then every subscription open now is triggered: a catch event
   * completes with the variables, an event-based gateway takes the flow to its signal catch event,
   * an event subprocess start interrupts its scope or fires beside it, a boundary event interrupts
   * or fires beside its activity, a process start event creates an instance.
   *
   * @return the signal key
   */
  public long broadcast(String name, Map<String, String> signalVariables, String tenantId) {
    long key = state.keys().next();
    SignalRecord signal = new SignalRecord(name, JsonDocuments.object(signalVariables), tenantId);
    writer.command(key, SignalIntent.BROADCAST, signal);
    writer.event(key, SignalIntent.BROADCASTED, signal);
    for (long subscriptionKey : state.signalSubscriptions().forSignal(name)) {
      SignalSubscriptionRecord subscription = state.signalSubscriptions().get(subscriptionKey);
      if (subscription == null || !Objects.equals(subscription.tenantId(), tenantId)) {
        continue; // closed by an earlier trigger of this broadcast
      }
      if (subscription.catchEventInstanceKey() == NO_INSTANCE) {
        startInstance.accept(subscription, signalVariables);
        continue;
      }
      ElementInstance owner = state.elementInstances().get(subscription.catchEventInstanceKey());
      if (owner == null || owner.state() != ElementState.ACTIVATED) {
        continue;
      }
      trigger(owner, subscription.catchElementId(), signalVariables);
    }
    return key;
  }

  /** Triggers what a subscription of {@code owner} catches: itself, a gateway target, an event subprocess, a boundary. */
  private void trigger(ElementInstance owner, String catchElementId, Map<String, String> signalVariables) {
    if (catchElementId.equals(owner.elementId())) {
      transitions.complete(owner, signalVariables, null);
      return;
    }
    if (owner.value().bpmnElementType() == BpmnElementType.EVENT_BASED_GATEWAY) {
      transitions.triggerEventBasedGateway(owner, catchElementId, signalVariables);
      return;
    }
    ExecutableElement element = transitions.elementOf(owner);
    ExecutableElement eventSubprocessStart = element.eventSubprocessStarts().stream()
        .filter(start -> start.id().equals(catchElementId))
        .findFirst()
        .orElse(null);
    if (eventSubprocessStart != null) {
      transitions.triggerEventSubprocess(owner, eventSubprocessStart, signalVariables);
      return;
    }
    ExecutableElement boundary = element.boundaryEvents().stream()
        .filter(b -> b.id().equals(catchElementId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Expected boundary event '" + catchElementId
            + "' on '" + owner.elementId() + "', but the process has none"));
    if (boundary.interrupting()) {
      transitions.interrupt(owner, boundary, signalVariables);
    } else {
      transitions.activateBoundary(boundary, state.elementInstances().get(owner.flowScopeKey()), signalVariables);
    }
  }
}
