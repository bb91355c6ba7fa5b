package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.gateway.ModifyProcessInstance.VariableInstruction;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a modification may do, as Zeebe decides it (spec: process instance modification), checked
 * before anything is written: every refusal is an INVALID_ARGUMENT naming the process and the
 * element or key at fault, in Zeebe's wording.
 */
final class ModificationRules {
  static final String ELEMENT_NOT_FOUND = "Expected to modify instance of process '%s' but it contains one or more"
      + " activate instructions with an element that could not be found: '%s'";
  static final String UNSUPPORTED_ELEMENT = "Expected to modify instance of process '%s' but it contains one or more"
      + " activate instructions for elements that are unsupported: '%s'. %s";
  static final String INSIDE_MULTI_INSTANCE = "Expected to modify instance of process '%s' but it contains one or more"
      + " activate instructions for elements inside a multi-instance element: '%s'. Activating an element inside a"
      + " multi-instance element is not supported; activate the multi-instance element itself";
  static final String INSIDE_EVENT_SUBPROCESS = "Expected to modify instance of process '%s' but it contains one or"
      + " more activate instructions for elements that are or are inside an event subprocess: '%s'. This engine does"
      + " not support activating event subprocesses by modification";
  static final String ANCESTOR_NOT_FOUND = "Expected to modify instance of process '%s' but it contains one or more"
      + " activate instructions with an ancestor scope key that does not exist, or is not in an active state: '%s'";
  static final String NOT_AN_ANCESTOR = "Expected to modify instance of process '%s' but it contains one or more"
      + " activate instructions with an ancestor scope key that is not an ancestor of the element to activate: '%s'";
  static final String AMBIGUOUS_FLOW_SCOPE = "Expected to modify instance of process '%s' but it contains one or"
      + " more activate instructions for an element that has a flow scope with more than one active instance: '%s'."
      + " Can't decide in which instance of the flow scope the element should be activated. Please specify an"
      + " ancestor element instance key for this activate instruction.";
  static final String VARIABLE_SCOPE_NOT_FOUND = "Expected to modify instance of process '%s' but it contains one or"
      + " more variable instructions with a scope element id that could not be found: '%s'";
  static final String VARIABLE_SCOPE_NOT_FLOW_SCOPE = "Expected to modify instance of process '%s' but it contains"
      + " one or more variable instructions with a scope element that doesn't belong to the activating element's"
      + " flow scope: '%s'";

  private final EngineState state;
  private final LiveTree tree;

  /**
   * An activation checked against the instance: the element, the live instance it goes into (an
   * instance of one of its flow scopes) and the flow scopes to create between them, outermost first.
   *
   * @param variables by the element id whose instance gets them (the process id for the global scope)
   */
  record PlannedActivation(ExecutableElement element, ElementInstance ancestor, List<ExecutableElement> scopesToCreate,
      Map<String, List<Map<String, String>>> variables) {}

  ModificationRules(EngineState state, LiveTree tree) {
    this.state = state;
    this.tree = tree;
  }

  PlannedActivation planActivation(ElementInstance root, ExecutableProcess process, String elementId,
      long ancestorKey, List<VariableInstruction> variables) {
    String processId = process.bpmnProcessId();
    ExecutableElement element = elementId == null ? null : process.element(elementId);
    if (element == null || element.type() == BpmnElementType.PROCESS) {
      throw invalid(ELEMENT_NOT_FOUND, processId, elementId);
    }
    String unsupported = unsupportedReason(element);
    if (unsupported != null) {
      throw invalid(UNSUPPORTED_ELEMENT, processId, elementId, unsupported);
    }
    List<ExecutableElement> scopes = flowScopes(element);
    for (ExecutableElement scope : scopes) {
      if (scope.type() == BpmnElementType.MULTI_INSTANCE_BODY) {
        throw invalid(INSIDE_MULTI_INSTANCE, processId, elementId);
      }
      if (scope.type() == BpmnElementType.EVENT_SUB_PROCESS) {
        throw invalid(INSIDE_EVENT_SUBPROCESS, processId, elementId);
      }
    }
    ElementInstance ancestor = ancestorKey > 0 ? chosenAncestor(root, processId, scopes, ancestorKey)
        : onlyAncestor(root, processId, elementId, scopes);
    List<ExecutableElement> toCreate = new ArrayList<>();
    for (ExecutableElement scope : scopes) {
      if (scope.id().equals(ancestor.elementId())) {
        break;
      }
      toCreate.add(0, scope);
    }
    return new PlannedActivation(element, ancestor, toCreate, variableTargets(processId, process, element, scopes,
        variables));
  }

  private static String unsupportedReason(ExecutableElement element) {
    return switch (element.type()) {
      case START_EVENT -> "The activation of start events is not supported.";
      case BOUNDARY_EVENT -> "The activation of boundary events is not supported.";
      case SEQUENCE_FLOW -> "The activation of sequence flows is not supported.";
      case EVENT_SUB_PROCESS -> "The activation of event subprocesses is not supported by this engine.";
      default -> followsEventBasedGateway(element)
          ? "The activation of events belonging to an event-based gateway is not supported." : null;
    };
  }

  private static boolean followsEventBasedGateway(ExecutableElement element) {
    for (ExecutableFlow incoming : element.incoming()) {
      if (incoming.source().type() == BpmnElementType.EVENT_BASED_GATEWAY) {
        return true;
      }
    }
    return false;
  }

  /** The element's flow scopes, innermost first, ending with the process. */
  static List<ExecutableElement> flowScopes(ExecutableElement element) {
    List<ExecutableElement> scopes = new ArrayList<>();
    for (ExecutableElement scope = element.flowScope(); scope != null; scope = scope.flowScope()) {
      scopes.add(scope);
    }
    return scopes;
  }

  private ElementInstance chosenAncestor(ElementInstance root, String processId, List<ExecutableElement> scopes,
      long ancestorKey) {
    ElementInstance ancestor = state.elementInstances().get(ancestorKey);
    if (ancestor == null || ancestor.processInstanceKey() != root.key() || ancestor.state() != ElementState.ACTIVATED) {
      throw invalid(ANCESTOR_NOT_FOUND, processId, ancestorKey);
    }
    boolean isFlowScope = ancestor.value().bpmnElementType() != BpmnElementType.MULTI_INSTANCE_BODY
        && scopes.stream().anyMatch(scope -> scope.id().equals(ancestor.elementId()));
    if (!isFlowScope) {
      throw invalid(NOT_AN_ANCESTOR, processId, ancestorKey);
    }
    return ancestor;
  }

  /** The nearest flow scope with a live instance, which must be the only one of its element. */
  private ElementInstance onlyAncestor(ElementInstance root, String processId, String elementId,
      List<ExecutableElement> scopes) {
    for (ExecutableElement scope : scopes) {
      if (scope.type() == BpmnElementType.PROCESS) {
        return root;
      }
      List<ElementInstance> live = tree.ofElement(root, scope.id()).stream()
          .filter(instance -> instance.state() == ElementState.ACTIVATED).toList();
      if (live.size() > 1) {
        throw invalid(AMBIGUOUS_FLOW_SCOPE, processId, elementId);
      }
      if (live.size() == 1) {
        return live.get(0);
      }
    }
    return root;
  }

  private static Map<String, List<Map<String, String>>> variableTargets(String processId, ExecutableProcess process,
      ExecutableElement element, List<ExecutableElement> scopes, List<VariableInstruction> instructions) {
    Map<String, List<Map<String, String>>> byScope = new LinkedHashMap<>();
    for (VariableInstruction instruction : instructions) {
      String scopeId = instruction.scopeId() == null || instruction.scopeId().isEmpty()
          ? process.root().id() : instruction.scopeId();
      if (!scopeId.equals(element.id()) && scopes.stream().noneMatch(scope -> scope.id().equals(scopeId))) {
        throw process.element(scopeId) == null ? invalid(VARIABLE_SCOPE_NOT_FOUND, processId, scopeId)
            : invalid(VARIABLE_SCOPE_NOT_FLOW_SCOPE, processId, scopeId);
      }
      byScope.computeIfAbsent(scopeId, id -> new ArrayList<>()).add(JsonDocuments.entries(instruction.variablesJson()));
    }
    return byScope;
  }

  static Rejection invalid(String template, Object... arguments) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, String.format(template, arguments));
  }
}
