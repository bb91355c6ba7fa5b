package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.gateway.ModifyProcessInstance;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Activation;
import dev.engranaje.engine.gateway.ModifyProcessInstance.AncestorSelection;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Move;
import dev.engranaje.engine.gateway.ModifyProcessInstance.Termination;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.processing.instance.ModificationRules.PlannedActivation;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceModificationIntent;
import dev.engranaje.engine.record.ProcessInstanceModificationRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Modifies a running process instance (Zeebe's process instance modification): every instruction
 * is checked first, so a refused one changes nothing; then activations (and the activations of
 * moves) run, then terminations. A termination that would leave its flow scope without any active
 * element terminates that scope instead, up to the process instance itself, as in Zeebe.
 */
public final class ProcessInstanceModificationHandler {
  static final String NOT_FOUND = "Expected to modify process instance but no process instance found with key '%d'";
  static final String TERMINATING = "Expected to modify process instance '%d', but it is being terminated";
  static final String NO_INSTRUCTIONS = "Expected to modify process instance '%d' with at least one activate, move"
      + " or terminate instruction, but got none";
  static final String TERMINATE_NOT_FOUND = "Expected to modify instance of process '%s' but it contains one or more"
      + " terminate instructions with an element instance that could not be found: '%s'";
  static final String TERMINATE_ROOT = "Expected to modify instance of process '%s' but it contains a terminate"
      + " instruction for the process instance itself: '%d'. Cancel the process instance instead";
  static final String NO_ACTIVE_INSTANCE = "Expected to modify instance of process '%s' but it contains one or more"
      + " %s instructions for element '%s', which has no active element instance";
  static final String MOVE_NO_COMMON_ANCESTOR = "Expected to modify instance of process '%s' but it contains a move"
      + " instruction from element instance '%d' to element '%s' with an inferred ancestor, and no ancestor of the"
      + " source is a flow scope of the target";

  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final VariableBehavior variables;
  private final LiveTree tree;
  private final ModificationRules rules;

  public ProcessInstanceModificationHandler(EngineState state, RecordWriter writer,
      StateTransitionBehavior transitions, VariableBehavior variables) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.variables = variables;
    this.tree = new LiveTree(state);
    this.rules = new ModificationRules(state, tree);
  }

  public void modify(ModifyProcessInstance command) {
    long key = command.processInstanceKey();
    ElementInstance root = state.elementInstances().get(key);
    if (root == null || root.value().bpmnElementType() != BpmnElementType.PROCESS) {
      throw new Rejection(RejectionType.NOT_FOUND, String.format(NOT_FOUND, key));
    }
    if (root.state() == ElementState.TERMINATING) {
      throw new Rejection(RejectionType.INVALID_STATE, String.format(TERMINATING, key));
    }
    if (command.activations().isEmpty() && command.terminations().isEmpty() && command.moves().isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(NO_INSTRUCTIONS, key));
    }
    ExecutableProcess process = transitions.process(root.value());
    List<PlannedActivation> activations = new ArrayList<>();
    Set<ElementInstance> terminations = new LinkedHashSet<>();
    for (Activation activation : command.activations()) {
      activations.add(rules.planActivation(root, process, activation.elementId(),
          activation.ancestorElementInstanceKey(), activation.variables()));
    }
    for (Move move : command.moves()) {
      for (ElementInstance source : moveSources(root, process, move)) {
        activations.add(rules.planActivation(root, process, move.targetElementId(),
            moveAncestor(process, source, move), move.variables()));
        terminations.add(source);
      }
    }
    for (Termination termination : command.terminations()) {
      terminations.addAll(terminationTargets(root, process, termination));
    }
    ProcessInstanceModificationRecord record = new ProcessInstanceModificationRecord(key,
        root.value().processDefinitionKey(), root.value().bpmnProcessId(),
        activations.stream().map(planned -> planned.element().id()).toList(),
        terminations.stream().map(ElementInstance::key).toList(), root.value().tenantId());
    writer.command(key, ProcessInstanceModificationIntent.MODIFY, record);
    activations.forEach(planned -> activate(root, planned));
    terminations.forEach(this::terminate);
    writer.event(key, ProcessInstanceModificationIntent.MODIFIED, record);
  }

  private List<ElementInstance> moveSources(ElementInstance root, ExecutableProcess process, Move move) {
    if (move.sourceElementInstanceKey() != null) {
      return List.of(liveInstance(root, process, move.sourceElementInstanceKey()));
    }
    List<ElementInstance> sources = tree.ofElement(root, move.sourceElementId());
    if (sources.isEmpty()) {
      throw ModificationRules.invalid(NO_ACTIVE_INSTANCE, process.bpmnProcessId(), "move", move.sourceElementId());
    }
    return sources;
  }

  private long moveAncestor(ExecutableProcess process, ElementInstance source, Move move) {
    AncestorSelection ancestor = move.ancestor();
    return switch (ancestor.kind()) {
      case DIRECT -> ancestor.ancestorElementInstanceKey();
      case SOURCE_PARENT -> source.flowScopeKey();
      case NONE -> -1;
      case INFERRED -> inferredAncestor(process, source, move.targetElementId());
    };
  }

  /** The nearest ancestor of the source whose element is a flow scope of the target. */
  private long inferredAncestor(ExecutableProcess process, ElementInstance source, String targetElementId) {
    ExecutableElement target = process.element(targetElementId);
    if (target == null) {
      return -1; // the activation's own check names the missing element
    }
    Set<String> targetScopes = new LinkedHashSet<>();
    ModificationRules.flowScopes(target).forEach(scope -> targetScopes.add(scope.id()));
    for (ElementInstance scope = state.elementInstances().get(source.flowScopeKey()); scope != null;
        scope = state.elementInstances().get(scope.flowScopeKey())) {
      if (targetScopes.contains(scope.elementId())) {
        return scope.key();
      }
    }
    throw ModificationRules.invalid(MOVE_NO_COMMON_ANCESTOR, process.bpmnProcessId(), source.key(), targetElementId);
  }

  private List<ElementInstance> terminationTargets(ElementInstance root, ExecutableProcess process,
      Termination termination) {
    if (termination.elementInstanceKey() != null) {
      return List.of(liveInstance(root, process, termination.elementInstanceKey()));
    }
    List<ElementInstance> targets = tree.ofElement(root, termination.elementId());
    if (targets.isEmpty()) {
      throw ModificationRules.invalid(NO_ACTIVE_INSTANCE, process.bpmnProcessId(), "terminate",
          termination.elementId());
    }
    return targets;
  }

  private ElementInstance liveInstance(ElementInstance root, ExecutableProcess process, long elementInstanceKey) {
    if (elementInstanceKey == root.key()) {
      throw ModificationRules.invalid(TERMINATE_ROOT, process.bpmnProcessId(), elementInstanceKey);
    }
    ElementInstance instance = state.elementInstances().get(elementInstanceKey);
    if (instance == null || instance.processInstanceKey() != root.key()) {
      throw ModificationRules.invalid(TERMINATE_NOT_FOUND, process.bpmnProcessId(), elementInstanceKey);
    }
    return instance;
  }

  private void activate(ElementInstance root, PlannedActivation planned) {
    // the instance of each flow scope, nearest first: where a variable instruction's scope id points
    Map<String, ElementInstance> scopeInstances = new LinkedHashMap<>();
    for (ElementInstance above = planned.ancestor(); above != null;
        above = state.elementInstances().get(above.flowScopeKey())) {
      scopeInstances.putIfAbsent(above.elementId(), above);
    }
    scopeInstances.putIfAbsent(root.elementId(), root);
    ElementInstance scope = planned.ancestor();
    for (ExecutableElement missing : planned.scopesToCreate()) {
      scope = createScope(missing, scope);
      scopeInstances.put(missing.id(), scope);
    }
    ElementInstance activated = transitions.activate(planned.element(), scope);
    scopeInstances.put(planned.element().id(), activated);
    // set before the element's activation runs (a follow-up), so its input mappings see them
    planned.variables().forEach((scopeId, documents) -> documents.forEach(
        document -> variables.mergeLocal(scopeInstances.get(scopeId).key(), document)));
  }

  /**
   * A flow scope the activated element needs but that has no instance: it is activated without
   * running its start event (the modification puts the token inside it), as Zeebe does.
   */
  private ElementInstance createScope(ExecutableElement element, ElementInstance parent) {
    long key = state.keys().next();
    ProcessInstanceRecord value = parent.value().withElement(element.id(), parent.key(), element.type(),
        element.eventType());
    writer.command(key, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
    writer.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, value);
    writer.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATED, value);
    return state.elementInstances().get(key);
  }

  private void terminate(ElementInstance target) {
    ElementInstance current = state.elementInstances().get(target.key());
    if (current == null || current.state() == ElementState.TERMINATING) {
      return; // already left with a scope terminated before it
    }
    ElementInstance scope = state.elementInstances().get(current.flowScopeKey());
    while (scope != null && scope.state() == ElementState.ACTIVATED && scope.activeChildren() == 1
        && scope.waitingTokens() == 0) {
      current = scope;
      scope = state.elementInstances().get(current.flowScopeKey());
    }
    transitions.terminate(current);
  }
}
