package dev.engranaje.engine.model.validation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The single table of BPMN element kinds this release knows about.
 *
 * <p>A kind is a BPMN element type name plus a qualifier: the event definition type for events
 * ({@link #NO_QUALIFIER} for none events), or {@link #TRIGGERED_BY_EVENT} for event subprocesses.
 * Kinds marked {@link Treatment#EXECUTED} are deployable; {@link Treatment#IGNORED} kinds are
 * accepted and skipped by the engine. Any kind not listed rejects the deployment. To support a new
 * kind in a later release, add a row here and its rules.
 */
enum ElementSupport {
  PROCESS("process", Treatment.EXECUTED),
  NONE_START_EVENT("startEvent", Treatment.EXECUTED),
  TIMER_START_EVENT("startEvent", "timerEventDefinition", Treatment.EXECUTED),
  MESSAGE_START_EVENT("startEvent", "messageEventDefinition", Treatment.EXECUTED),
  // error and escalation starts: only in event subprocesses (see SupportedElements)
  EVENT_SUBPROCESS_ERROR_START_EVENT("startEvent", "errorEventDefinition", Treatment.EXECUTED),
  EVENT_SUBPROCESS_ESCALATION_START_EVENT("startEvent", "escalationEventDefinition", Treatment.EXECUTED),
  ESCALATION_END_EVENT("endEvent", "escalationEventDefinition", Treatment.EXECUTED),
  ESCALATION_INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", "escalationEventDefinition", Treatment.EXECUTED),
  ESCALATION_BOUNDARY_EVENT("boundaryEvent", "escalationEventDefinition", Treatment.EXECUTED),
  NONE_END_EVENT("endEvent", Treatment.EXECUTED),
  ERROR_END_EVENT("endEvent", "errorEventDefinition", Treatment.EXECUTED),
  TERMINATE_END_EVENT("endEvent", "terminateEventDefinition", Treatment.EXECUTED),
  NONE_INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", Treatment.EXECUTED),
  ERROR_BOUNDARY_EVENT("boundaryEvent", "errorEventDefinition", Treatment.EXECUTED),
  TIMER_BOUNDARY_EVENT("boundaryEvent", "timerEventDefinition", Treatment.EXECUTED),
  TIMER_INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent", "timerEventDefinition", Treatment.EXECUTED),
  MESSAGE_BOUNDARY_EVENT("boundaryEvent", "messageEventDefinition", Treatment.EXECUTED),
  MESSAGE_INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent", "messageEventDefinition", Treatment.EXECUTED),
  // message throw and end events are jobs, like send tasks: the engine publishes nothing itself
  MESSAGE_INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", "messageEventDefinition", Treatment.EXECUTED),
  MESSAGE_END_EVENT("endEvent", "messageEventDefinition", Treatment.EXECUTED),
  SIGNAL_START_EVENT("startEvent", "signalEventDefinition", Treatment.EXECUTED),
  SIGNAL_INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent", "signalEventDefinition", Treatment.EXECUTED),
  SIGNAL_BOUNDARY_EVENT("boundaryEvent", "signalEventDefinition", Treatment.EXECUTED),
  SIGNAL_INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", "signalEventDefinition", Treatment.EXECUTED),
  SIGNAL_END_EVENT("endEvent", "signalEventDefinition", Treatment.EXECUTED),
  SCRIPT_TASK("scriptTask", Treatment.EXECUTED),
  BUSINESS_RULE_TASK("businessRuleTask", Treatment.EXECUTED),
  RECEIVE_TASK("receiveTask", Treatment.EXECUTED),
  SERVICE_TASK("serviceTask", Treatment.EXECUTED),
  SEND_TASK("sendTask", Treatment.EXECUTED),
  USER_TASK("userTask", Treatment.EXECUTED),
  UNDEFINED_TASK("task", Treatment.EXECUTED),
  MANUAL_TASK("manualTask", Treatment.EXECUTED),
  EMBEDDED_SUBPROCESS("subProcess", Treatment.EXECUTED),
  EVENT_SUBPROCESS("subProcess", "triggeredByEvent", Treatment.EXECUTED),
  CALL_ACTIVITY("callActivity", Treatment.EXECUTED),
  EXCLUSIVE_GATEWAY("exclusiveGateway", Treatment.EXECUTED),
  PARALLEL_GATEWAY("parallelGateway", Treatment.EXECUTED),
  INCLUSIVE_GATEWAY("inclusiveGateway", Treatment.EXECUTED),
  EVENT_BASED_GATEWAY("eventBasedGateway", Treatment.EXECUTED),
  SEQUENCE_FLOW("sequenceFlow", Treatment.EXECUTED),
  DATA_OBJECT("dataObject", Treatment.IGNORED),
  DATA_OBJECT_REFERENCE("dataObjectReference", Treatment.IGNORED),
  DATA_STORE_REFERENCE("dataStoreReference", Treatment.IGNORED);

  /** Qualifier of elements without event definition (none events, tasks, gateways...). */
  static final String NO_QUALIFIER = "";

  /** Qualifier of a subprocess with {@code triggeredByEvent="true"}. */
  static final String TRIGGERED_BY_EVENT = "triggeredByEvent";

  /** Qualifier of an event with more than one event definition. */
  static final String MULTIPLE = "multiple";

  /** What the engine does with a listed kind. */
  enum Treatment {
    EXECUTED,
    IGNORED
  }

  private final String elementType;
  private final String qualifier;
  private final Treatment treatment;

  ElementSupport(String elementType, Treatment treatment) {
    this(elementType, NO_QUALIFIER, treatment);
  }

  ElementSupport(String elementType, String qualifier, Treatment treatment) {
    this.elementType = elementType;
    this.qualifier = qualifier;
    this.treatment = treatment;
  }

  Treatment treatment() {
    return treatment;
  }

  static Optional<ElementSupport> lookup(String elementType, String qualifier) {
    return Arrays.stream(values())
        .filter(kind -> kind.elementType.equals(elementType) && kind.qualifier.equals(qualifier))
        .findFirst();
  }
}
