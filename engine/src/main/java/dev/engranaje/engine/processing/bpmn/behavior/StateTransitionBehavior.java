package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.ElementProcessors;
import dev.engranaje.engine.record.ProcessEventIntent;
import dev.engranaje.engine.record.ProcessEventRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves element instances through their lifecycle and carries tokens along sequence flows. Work
 * that Zeebe would write as a follow-up command (activating the next element) is queued and run in
 * order before the current command's batch is committed.
 */
public final class StateTransitionBehavior {
  private final EngineState state;
  private final RecordWriter writer;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final ArrayDeque<Runnable> followUps = new ArrayDeque<>();
  /** Boundary events to activate once the activity they interrupt has terminated. */
  private final Map<Long, PendingInterrupt> pendingInterrupts = new HashMap<>();
  /** Catch events triggered through their event-based gateway, by flow scope key and element id. */
  private final Map<String, Map<String, String>> pendingEventTriggers = new HashMap<>();
  private final Consumer<ElementInstance> processInstanceEnded;
  private ElementProcessors processors;
  /** Told when an element instance starts to leave (COMPLETING or TERMINATING), e.g. to close subscriptions. */
  private final List<Consumer<ElementInstance>> leaveListeners = new ArrayList<>();

  /** Interrupting event subprocesses to activate once the other children of their scope have terminated. */
  private final Map<Long, PendingInterrupt> pendingEventSubprocesses = new HashMap<>();
  /** Told when an interrupting event subprocess fires in a scope, e.g. to close the scope's other triggers. */
  private final List<Consumer<ElementInstance>> scopeInterruptedListeners = new ArrayList<>();

  private record PendingInterrupt(ExecutableElement boundary, Map<String, String> payload) {}

  /**
   * @param processInstanceEnded told (with the root instance, just before it is removed) when a
   *     process instance completes or terminates
   */
  public StateTransitionBehavior(EngineState state, RecordWriter writer, IncidentBehavior incidents,
      VariableBehavior variables, Consumer<ElementInstance> processInstanceEnded) {
    this.state = state;
    this.writer = writer;
    this.incidents = incidents;
    this.variables = variables;
    this.processInstanceEnded = processInstanceEnded;
  }

  public void bind(ElementProcessors processors) {
    this.processors = processors;
  }

  /** Registers work to run whenever an element instance starts completing or terminating. */
  public void onLeave(Consumer<ElementInstance> listener) {
    leaveListeners.add(listener);
  }

  /** Queues work to run after the current step, before the batch is committed. */
  public void afterwards(Runnable work) {
    followUps.add(work);
  }

  /** Runs queued follow-up work until none is left. */
  public void drainFollowUps() {
    Runnable next;
    while ((next = followUps.poll()) != null) {
      next.run();
    }
  }

  public ExecutableElement elementOf(ElementInstance instance) {
    return process(instance.value()).element(instance.elementId(), instance.value().bpmnElementType());
  }

  public ExecutableProcess process(ProcessInstanceRecord value) {
    return state.processes().byKey(value.processDefinitionKey()).process();
  }

  /** Creates a process instance (ELEMENT_ACTIVATING); its activation runs as a follow-up. */
  public ElementInstance createProcessInstance(long key, ProcessInstanceRecord value) {
    writer.command(key, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
    writer.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, value);
    followUps.add(() -> runActivation(key));
    return state.elementInstances().get(key);
  }

  /**
   * Creates a process instance that starts at a given start event (timer or message start)
   * instead of the none start event.
   */
  public ElementInstance createProcessInstance(long key, ProcessInstanceRecord value, ExecutableElement startEvent) {
    ElementInstance instance = createProcessInstance(key, value);
    // recorded, not remembered: an activation incident can keep the instance ACTIVATING across a restart
    writer.event(key, ProcessEventIntent.TRIGGERING, startEventTrigger(value, startEvent.id()));
    return instance;
  }

  /** The start event a process instance begins at: the one it was created for, else the none start. */
  public ExecutableElement startEventOf(ElementInstance processInstance, ExecutableElement process) {
    String startEventId = processInstance.pendingTrigger();
    if (startEventId == null) {
      return process.noneStartEvent();
    }
    writer.event(processInstance.key(), ProcessEventIntent.TRIGGERED, startEventTrigger(processInstance.value(), startEventId));
    return process(processInstance.value()).element(startEventId);
  }

  private static ProcessEventRecord startEventTrigger(ProcessInstanceRecord processInstance, String startEventId) {
    return new ProcessEventRecord(processInstance.processInstanceKey(), startEventId,
        processInstance.processInstanceKey(), processInstance.processDefinitionKey(), processInstance.tenantId());
  }

  /**
   * An event-based gateway's catch event was triggered: the gateway completes, taking only the flow
   * to that event (its other subscriptions and timers close as it leaves), and the event is
   * activated already triggered, completing with {@code payload}.
   */
  public void triggerEventBasedGateway(ElementInstance gateway, String eventId, Map<String, String> payload) {
    ExecutableFlow flow = elementOf(gateway).outgoing().stream()
        .filter(f -> f.target().id().equals(eventId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Expected event-based gateway '" + gateway.elementId()
            + "' to lead to '" + eventId + "', but it does not"));
    pendingEventTriggers.put(gateway.flowScopeKey() + "/" + eventId, payload);
    complete(gateway, Map.of(), List.of(flow));
  }

  /**
   * The payload of a catch event activated by its event-based gateway's trigger (then it completes
   * at once instead of waiting); null for an ordinary activation.
   */
  public Map<String, String> takeEventTrigger(ElementInstance catchEvent) {
    return pendingEventTriggers.remove(catchEvent.flowScopeKey() + "/" + catchEvent.elementId());
  }

  /** Creates an element instance inside a scope (ELEMENT_ACTIVATING); its activation runs as a follow-up. */
  public ElementInstance activate(ExecutableElement element, ElementInstance scope) {
    long key = state.keys().next();
    ProcessInstanceRecord value = scope.value().withElement(element.id(), scope.key(), element.type(), element.eventType());
    writer.command(key, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
    writer.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, value);
    followUps.add(() -> runActivation(key));
    return state.elementInstances().get(key);
  }

  /** Runs (or re-runs, after an incident is resolved) the activation hook of an ACTIVATING element. */
  public void runActivation(long key) {
    ElementInstance instance = state.elementInstances().get(key);
    if (instance == null || instance.state() != ElementState.ACTIVATING) {
      return; // terminated before its turn came
    }
    ExecutableElement element = elementOf(instance);
    processors.get(element.type()).onActivate(instance, element);
  }

  public void toActivated(ElementInstance instance) {
    if (instance.state() == ElementState.ACTIVATING) {
      writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_ACTIVATED, instance.value());
    }
  }

  /** Activates and completes at once, taking {@code flows} (null means every outgoing flow). */
  public void completeImmediately(ElementInstance instance, List<ExecutableFlow> flows) {
    toActivated(instance);
    complete(instance, Map.of(), flows);
  }

  /**
   * Completes an element: ELEMENT_COMPLETING, the processor's completion hook (payload, output
   * mappings; a failure raises an incident and the element stays COMPLETING), ELEMENT_COMPLETED,
   * then the outgoing flows and the scope.
   */
  public void complete(ElementInstance instance, Map<String, String> payload, List<ExecutableFlow> flows) {
    if (instance.state() == ElementState.ACTIVATED) {
      writer.command(instance.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, instance.value());
      writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_COMPLETING, instance.value());
      leaveListeners.forEach(listener -> listener.accept(instance));
    } else if (instance.state() != ElementState.COMPLETING) {
      return;
    }
    ExecutableElement element = elementOf(instance);
    Outcome<Void> outcome = processors.get(element.type()).onComplete(instance, element, payload);
    if (outcome.isFailure()) {
      incidents.raise(instance, outcome.failure(), -1);
      return;
    }
    Outcome<Runnable> afterChild = childCompleting(instance);
    if (afterChild.isFailure()) {
      incidents.raise(instance, afterChild.failure(), -1);
      return;
    }
    if (element.type() == BpmnElementType.PROCESS) {
      processInstanceEnded.accept(instance);
    }
    long callerKey = element.type() == BpmnElementType.PROCESS ? instance.value().parentElementInstanceKey() : -1;
    Map<String, String> childResult = callerKey > 0 ? rootVariables(instance) : Map.of();
    long scopeKey = instance.flowScopeKey();
    writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_COMPLETED, instance.value());
    if (callerKey > 0) {
      followUps.add(() -> completeCaller(callerKey, childResult));
    }
    if (element.eventType() == BpmnEventType.TERMINATE) {
      terminateChildren(scopeKey);
    }
    ElementInstance scope = state.elementInstances().get(scopeKey);
    if (scope == null) {
      return;
    }
    takeFlows(element, scope, flows == null ? element.outgoing() : flows);
    afterChild.value().run();
    ElementInstance scopeAfterChild = state.elementInstances().get(scopeKey);
    if (scopeAfterChild != null) {
      afterChildLeft(scopeAfterChild);
    }
  }

  /** Lets the scope of a completing element react (e.g. a multi-instance body collecting output). */
  private Outcome<Runnable> childCompleting(ElementInstance instance) {
    ElementInstance scope = state.elementInstances().get(instance.flowScopeKey());
    if (scope == null) {
      return Outcome.ok(() -> {});
    }
    ExecutableElement scopeElement = elementOf(scope);
    return processors.get(scopeElement.type()).onChildCompleting(scope, scopeElement, instance);
  }

  /** The root variables of a completing process instance: what a call activity receives. */
  private Map<String, String> rootVariables(ElementInstance processInstance) {
    Map<String, String> result = new LinkedHashMap<>();
    state.variables().local(processInstance.key()).forEach((name, variable) -> result.put(name, variable.json()));
    return result;
  }

  /** A called process instance completed: its call activity completes with the child's root variables. */
  private void completeCaller(long callerKey, Map<String, String> childResult) {
    ElementInstance caller = state.elementInstances().get(callerKey);
    if (caller != null && caller.state() == ElementState.ACTIVATED) {
      complete(caller, childResult, null);
    }
  }

  /**
   * A terminate end event completed (spec §7.7): every other element instance in its scope is
   * terminated; the last one to go lets the scope complete.
   */
  private void terminateChildren(long scopeKey) {
    for (ElementInstance child : state.elementInstances().children(scopeKey)) {
      ElementInstance stillThere = state.elementInstances().get(child.key());
      if (stillThere != null) {
        terminate(stillThere);
      }
    }
  }

  /** Re-runs the completion of a COMPLETING element whose incident was resolved. */
  public void retryCompletion(ElementInstance instance) {
    complete(instance, Map.of(), null);
  }

  private void takeFlows(ExecutableElement source, ElementInstance scope, List<ExecutableFlow> flows) {
    boolean inclusiveJoinWaits = false;
    for (ExecutableFlow flow : flows) {
      ProcessInstanceRecord flowValue =
          scope.value().withElement(flow.id(), scope.key(), BpmnElementType.SEQUENCE_FLOW, BpmnEventType.UNSPECIFIED);
      writer.event(state.keys().next(), ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, flowValue);
      ExecutableElement target = flow.target();
      if (!target.isJoin()) {
        activate(target, scope);
      } else if (allIncomingTaken(target, scope)) {
        activate(target, scope);
      } else if (target.isInclusiveJoin()) {
        inclusiveJoinWaits = true;
      }
    }
    if (inclusiveJoinWaits) {
      fireUnreachableInclusiveJoins(scope);
    }
  }

  /**
   * Activates every inclusive join in the scope that holds tokens but can no longer receive one on
   * its other incoming flows: no active element and no token parked at another join can reach it
   * (spec §6).
   */
  private void fireUnreachableInclusiveJoins(ElementInstance scope) {
    if (scope.waitingTokens() == 0 || scope.state() == ElementState.TERMINATING) {
      return;
    }
    ExecutableProcess process = process(scope.value());
    List<ExecutableElement> siblings = elementOf(scope).children();
    List<ElementInstance> children = state.elementInstances().children(scope.key());
    for (ExecutableElement join : siblings) {
      if (!join.isInclusiveJoin() || !hasJoinTokens(join, scope)) {
        continue;
      }
      if (!reachable(join, scope, children, siblings, process)) {
        activate(join, scope);
        return; // one at a time; the next check runs when this join has moved on
      }
    }
  }

  private static boolean hasJoinTokens(ExecutableElement join, ElementInstance scope) {
    for (ExecutableFlow incoming : join.incoming()) {
      if (scope.joinTokens(join.id(), incoming.id()) > 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean reachable(ExecutableElement join, ElementInstance scope, List<ElementInstance> children,
      List<ExecutableElement> siblings, ExecutableProcess process) {
    ArrayDeque<ExecutableElement> pending = new ArrayDeque<>();
    for (ElementInstance child : children) {
      ExecutableElement element = process.element(child.elementId());
      if (element != null) {
        pending.add(element);
      }
    }
    for (ExecutableElement other : siblings) {
      if (other != join && other.isJoin() && hasJoinTokens(other, scope)) {
        pending.add(other);
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      ExecutableElement next = pending.poll();
      if (!seen.add(next.id())) {
        continue;
      }
      for (ExecutableFlow flow : next.outgoing()) {
        if (flow.target() == join) {
          return true;
        }
        pending.add(flow.target());
      }
      pending.addAll(next.boundaryEvents());
    }
    return false;
  }

  private static boolean allIncomingTaken(ExecutableElement join, ElementInstance scope) {
    for (ExecutableFlow incoming : join.incoming()) {
      if (scope.joinTokens(join.id(), incoming.id()) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Terminates an element and, inside-out, everything in it: ELEMENT_TERMINATING, the processor's
   * termination hook (jobs, timers, incidents), the children, then ELEMENT_TERMINATED.
   */
  public void terminate(ElementInstance instance) {
    if (instance.state() == ElementState.TERMINATING) {
      return;
    }
    writer.command(instance.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, instance.value());
    writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_TERMINATING, instance.value());
    ExecutableElement element = elementOf(instance);
    processors.get(element.type()).onTerminate(instance, element);
    leaveListeners.forEach(listener -> listener.accept(instance));
    incidents.resolveAll(instance);
    List<ElementInstance> children = state.elementInstances().children(instance.key());
    if (children.isEmpty()) {
      finishTermination(instance);
      return;
    }
    for (ElementInstance child : children) {
      ElementInstance stillThere = state.elementInstances().get(child.key());
      if (stillThere != null) {
        terminate(stillThere);
      }
    }
  }

  /**
   * Terminates an activity because an interrupting boundary event fired; the boundary event is
   * activated once the activity has terminated.
   */
  public void interrupt(ElementInstance activity, ExecutableElement boundary, Map<String, String> payload) {
    pendingInterrupts.put(activity.key(), new PendingInterrupt(boundary, payload));
    terminate(activity);
  }

  /** Activates a boundary event next to its activity, with the trigger's payload as its locals. */
  public ElementInstance activateBoundary(ExecutableElement boundary, ElementInstance scope, Map<String, String> payload) {
    ElementInstance instance = activate(boundary, scope);
    variables.mergeLocal(instance.key(), payload);
    return instance;
  }

  private void finishTermination(ElementInstance instance) {
    ExecutableElement element = elementOf(instance);
    if (element.type() == BpmnElementType.PROCESS) {
      processInstanceEnded.accept(instance);
    }
    long scopeKey = instance.flowScopeKey();
    writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_TERMINATED, instance.value());
    ElementInstance scope = state.elementInstances().get(scopeKey);
    PendingInterrupt interrupt = pendingInterrupts.remove(instance.key());
    if (scope == null) {
      return;
    }
    if (interrupt != null && scope.state() != ElementState.TERMINATING) {
      activateBoundary(interrupt.boundary(), scope, interrupt.payload());
    }
    afterChildLeft(scope);
  }

  /** Registers work to run when an interrupting event subprocess fires in a scope. */
  public void onScopeInterrupted(Consumer<ElementInstance> listener) {
    scopeInterruptedListeners.add(listener);
  }

  /**
   * An event subprocess start was triggered in {@code scope} (spec §8). Interrupting: the scope's
   * other triggers close, every other child terminates, then the event subprocess activates.
   * Non-interrupting: it activates beside the running children.
   */
  public void triggerEventSubprocess(ElementInstance scope, ExecutableElement start, Map<String, String> payload) {
    if (isInterrupted(scope)) {
      return; // an interrupting event subprocess already fired here and waits for the others to end
    }
    if (!start.interrupting()) {
      activateEventSubprocess(scope, start, payload);
      return;
    }
    pendingEventSubprocesses.put(scope.key(), new PendingInterrupt(start, payload));
    scopeInterruptedListeners.forEach(listener -> listener.accept(scope));
    List<ElementInstance> children = state.elementInstances().children(scope.key());
    if (children.isEmpty()) {
      afterChildLeft(scope);
      return;
    }
    for (ElementInstance child : children) {
      ElementInstance stillThere = state.elementInstances().get(child.key());
      if (stillThere != null) {
        terminate(stillThere);
      }
    }
  }

  /** True while an interrupting event subprocess waits for the other children of the scope to end. */
  public boolean isInterrupted(ElementInstance scope) {
    return pendingEventSubprocesses.containsKey(scope.key());
  }

  private void activateEventSubprocess(ElementInstance scope, ExecutableElement start, Map<String, String> payload) {
    ElementInstance instance = activate(start.flowScope(), scope);
    variables.propagate(instance.key(), payload);
  }

  private void afterChildLeft(ElementInstance scope) {
    fireUnreachableInclusiveJoins(scope);
    if (scope.activeChildren() > 0) {
      return;
    }
    PendingInterrupt eventSubprocess = pendingEventSubprocesses.remove(scope.key());
    if (eventSubprocess != null && scope.state() == ElementState.ACTIVATED) {
      activateEventSubprocess(scope, eventSubprocess.boundary(), eventSubprocess.payload());
      return;
    }
    if (scope.state() == ElementState.TERMINATING) {
      finishTermination(scope);
    } else if (scope.state() == ElementState.ACTIVATED && scope.waitingTokens() == 0) {
      complete(scope, Map.of(), null);
    }
  }
}
