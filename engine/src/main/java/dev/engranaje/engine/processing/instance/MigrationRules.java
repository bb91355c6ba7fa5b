package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.model.MessageDefinition;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether one active element may be migrated to its mapped target, as Zeebe validates a migration
 * plus what this engine does not migrate yet (docs/engine/repair.md). Each refusal is an
 * INVALID_ARGUMENT naming the process instance and the element, in Zeebe's wording where Zeebe has
 * the rule.
 */
final class MigrationRules {
  static final String UNMAPPED = "Expected to migrate process instance '%d' but no mapping instruction defined for"
      + " active element with id '%s'. Elements cannot be migrated without a mapping.";
  static final String UNSUPPORTED_TYPE = "Expected to migrate process instance '%d' but active element with id '%s'"
      + " has an unsupported type. The migration of a %s is not supported.";
  static final String UNSUPPORTED_STATE = "Expected to migrate process instance '%d' but active element with id '%s'"
      + " is in state '%s'. Only elements waiting in state ACTIVATED can be migrated by this engine.";
  static final String TYPE_CHANGED = "Expected to migrate process instance '%d' but active element with id '%s' and"
      + " type '%s' is mapped to an element with id '%s' and different type '%s'. Elements must be mapped to elements"
      + " of the same type.";
  static final String EVENT_TYPE_CHANGED = "Expected to migrate process instance '%d' but active element with id"
      + " '%s' and event type '%s' is mapped to an element with id '%s' and different event type '%s'. Events must be"
      + " mapped to events of the same kind.";
  static final String FLOW_SCOPE_CHANGED = "Expected to migrate process instance '%d' but the flow scope of active"
      + " element with id '%s' is changed. The flow scope of the active element is expected to be '%s' but was '%s'."
      + " The flow scope of an element cannot be changed during migration yet.";
  static final String BOUNDARY_EVENTS_CHANGED = "Expected to migrate process instance '%d' but active element with"
      + " id '%s' is mapped to element with id '%s', and their boundary events differ (source %s, target %s)."
      + " Changing boundary events during migration is not supported by this engine.";
  static final String SIGNAL_BOUNDARY = "Expected to migrate process instance '%d' but active element with id '%s'"
      + " has a signal boundary event '%s'. Migrating signal subscriptions is not supported by this engine.";
  static final String EVENT_SUBPROCESS = "Expected to migrate process instance '%d' but %s '%s' contains event"
      + " subprocesses. Migrating instances of scopes with event subprocesses is not supported by this engine.";
  static final String MESSAGE_CHANGED = "Expected to migrate process instance '%d' but active element with id '%s'"
      + " is mapped to element with id '%s', which subscribes to another message (name or correlation key"
      + " expression differ). Changing a message subscription during migration is not supported by this engine.";
  static final String USER_TASK_KIND_CHANGED = "Expected to migrate process instance '%d' but active user task with"
      + " id '%s' is mapped to user task '%s' of the other implementation (job worker versus Camunda user task)."
      + " The user task implementation cannot be changed during migration.";
  static final String WAITING_TOKENS = "Expected to migrate process instance '%d' but tokens wait at a joining"
      + " gateway in '%s'. Migrating instances with tokens waiting at a join is not supported by this engine.";

  /** What a live element may be: everything else is refused with {@link #UNSUPPORTED_TYPE}. */
  private static final Set<BpmnElementType> SUPPORTED = EnumSet.of(BpmnElementType.SERVICE_TASK,
      BpmnElementType.SEND_TASK, BpmnElementType.USER_TASK, BpmnElementType.RECEIVE_TASK, BpmnElementType.SCRIPT_TASK,
      BpmnElementType.BUSINESS_RULE_TASK, BpmnElementType.SUB_PROCESS, BpmnElementType.INTERMEDIATE_CATCH_EVENT);
  private static final Set<BpmnEventType> SUPPORTED_CATCH_EVENTS = EnumSet.of(BpmnEventType.MESSAGE,
      BpmnEventType.TIMER);

  private MigrationRules() {}

  /** Checks the process element itself: neither definition may have event subprocesses at its top level. */
  static void checkRoot(long key, ElementInstance root, ExecutableProcess source, ExecutableProcess target) {
    checkScope(key, root, source.root(), "process", source.bpmnProcessId());
    if (!target.root().eventSubprocessStarts().isEmpty()) {
      throw invalid(EVENT_SUBPROCESS, key, "target process", target.bpmnProcessId());
    }
  }

  /** Checks one live element (not the process) against its target; returns the target. */
  static ExecutableElement check(long key, ElementInstance instance, ExecutableElement source,
      Map<String, String> mapping, ExecutableProcess target) {
    String id = instance.elementId();
    BpmnElementType type = instance.value().bpmnElementType();
    if (type == BpmnElementType.MULTI_INSTANCE_BODY || source.flowScope().type() == BpmnElementType.MULTI_INSTANCE_BODY
        || !SUPPORTED.contains(type)) {
      throw invalid(UNSUPPORTED_TYPE, key, id, type == BpmnElementType.MULTI_INSTANCE_BODY
          || source.flowScope().type() == BpmnElementType.MULTI_INSTANCE_BODY ? "multi-instance element" : type);
    }
    if (type == BpmnElementType.INTERMEDIATE_CATCH_EVENT && !SUPPORTED_CATCH_EVENTS.contains(source.eventType())) {
      throw invalid(UNSUPPORTED_TYPE, key, id, source.eventType() + " " + type);
    }
    if (instance.state() != ElementState.ACTIVATED) {
      throw invalid(UNSUPPORTED_STATE, key, id, instance.state());
    }
    String targetId = mapping.get(id);
    if (targetId == null) {
      throw invalid(UNMAPPED, key, id);
    }
    ExecutableElement mapped = target.element(targetId);
    if (mapped.type() != source.type()) {
      throw invalid(TYPE_CHANGED, key, id, source.type(), targetId, mapped.type());
    }
    if (mapped.eventType() != source.eventType()) {
      throw invalid(EVENT_TYPE_CHANGED, key, id, source.eventType(), targetId, mapped.eventType());
    }
    String expectedScope = mapping.getOrDefault(source.flowScope().id(), null);
    if (source.flowScope().type() == BpmnElementType.PROCESS) {
      expectedScope = target.root().id();
    }
    if (!Objects.equals(expectedScope, mapped.flowScope().id())) {
      throw invalid(FLOW_SCOPE_CHANGED, key, id, expectedScope, mapped.flowScope().id());
    }
    checkBoundaries(key, id, source, mapped);
    checkMessage(key, id, source, mapped);
    if (type == BpmnElementType.USER_TASK && source.userTask() != null && mapped.userTask() != null
        && source.userTask().camundaUserTask() != mapped.userTask().camundaUserTask()) {
      throw invalid(USER_TASK_KIND_CHANGED, key, id, targetId);
    }
    if (type == BpmnElementType.SUB_PROCESS) {
      checkScope(key, instance, source, "subprocess", id);
      if (!mapped.eventSubprocessStarts().isEmpty()) {
        throw invalid(EVENT_SUBPROCESS, key, "target subprocess", targetId);
      }
    }
    return mapped;
  }

  private static void checkScope(long key, ElementInstance instance, ExecutableElement element, String what,
      String id) {
    if (!element.eventSubprocessStarts().isEmpty()) {
      throw invalid(EVENT_SUBPROCESS, key, what, id);
    }
    if (instance.waitingTokens() > 0) {
      throw invalid(WAITING_TOKENS, key, id);
    }
  }

  private static void checkBoundaries(long key, String id, ExecutableElement source, ExecutableElement mapped) {
    for (ExecutableElement boundary : source.boundaryEvents()) {
      if (boundary.eventType() == BpmnEventType.SIGNAL) {
        throw invalid(SIGNAL_BOUNDARY, key, id, boundary.id());
      }
    }
    String sourceBoundaries = describe(source.boundaryEvents());
    String targetBoundaries = describe(mapped.boundaryEvents());
    if (!sourceBoundaries.equals(targetBoundaries)) {
      throw invalid(BOUNDARY_EVENTS_CHANGED, key, id, mapped.id(), sourceBoundaries, targetBoundaries);
    }
    for (int i = 0; i < source.boundaryEvents().size(); i++) {
      ExecutableElement sourceBoundary = sorted(source.boundaryEvents()).get(i);
      ExecutableElement targetBoundary = sorted(mapped.boundaryEvents()).get(i);
      if (!sameMessage(sourceBoundary.message(), targetBoundary.message())) {
        throw invalid(MESSAGE_CHANGED, key, id, mapped.id());
      }
    }
  }

  private static void checkMessage(long key, String id, ExecutableElement source, ExecutableElement mapped) {
    if (!sameMessage(source.message(), mapped.message())) {
      throw invalid(MESSAGE_CHANGED, key, id, mapped.id());
    }
  }

  private static boolean sameMessage(MessageDefinition source, MessageDefinition target) {
    if (source == null || target == null) {
      return source == target;
    }
    return Objects.equals(text(source.name()), text(target.name()))
        && Objects.equals(text(source.correlationKey()), text(target.correlationKey()));
  }

  private static String text(dev.engranaje.engine.expression.Expression expression) {
    return expression == null ? null : expression.text();
  }

  private static List<ExecutableElement> sorted(List<ExecutableElement> boundaries) {
    return boundaries.stream().sorted(java.util.Comparator.comparing(ExecutableElement::id)).toList();
  }

  private static String describe(List<ExecutableElement> boundaries) {
    return sorted(boundaries).stream()
        .map(b -> b.id() + ":" + b.eventType() + (b.interrupting() ? "" : ":non-interrupting"))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  static Rejection invalid(String template, Object... arguments) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, String.format(template, arguments));
  }
}
