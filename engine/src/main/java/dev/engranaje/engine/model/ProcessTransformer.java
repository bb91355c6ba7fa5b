package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the executable graph of one process from a validated model. Anything it cannot execute
 * raises {@link IllegalArgumentException} naming the element, so even a model that slipped past
 * validation is rejected at deploy time rather than failing at run time.
 */
public final class ProcessTransformer {
  private static final String DEFAULT_RETRIES = "3";

  /** The job type of a job-worker user task (spec §5). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  private final ExpressionLanguage expressions;

  public ProcessTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  /** The ids of the executable processes in a model, in document order. */
  public static List<Process> executableProcesses(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
  }

  public ExecutableProcess transform(
      Process process, int version, long key, String resourceName, String tenantId) {
    Map<String, ExecutableElement> elements = new HashMap<>();
    Map<String, ExecutableFlow> flows = new HashMap<>();
    ExecutableElement root = new ExecutableElement(process.getId(), BpmnElementType.PROCESS, BpmnEventType.UNSPECIFIED, null);
    elements.put(root.id(), root);
    List<SequenceFlow> sequenceFlows = new ArrayList<>();
    List<BoundaryEvent> boundaries = new ArrayList<>();
    addChildren(root, process.getFlowElements(), elements, sequenceFlows, boundaries);
    for (BoundaryEvent boundary : boundaries) {
      ExecutableElement element = elements.get(boundary.getId());
      ExecutableElement attachedTo = elements.get(boundary.getAttachedTo().getId());
      element.setAttachedTo(attachedTo, boundary.cancelActivity());
      attachedTo.addBoundaryEvent(element);
    }
    for (SequenceFlow flow : sequenceFlows) {
      ExecutableElement source = elements.get(flow.getSource().getId());
      ExecutableElement target = elements.get(flow.getTarget().getId());
      ConditionExpression condition = flow.getConditionExpression();
      Expression parsed =
          condition == null || condition.getTextContent() == null || condition.getTextContent().isBlank()
              ? null
              : parseFeel(flow.getId(), "conditionExpression", condition.getTextContent());
      ExecutableFlow executable = new ExecutableFlow(flow.getId(), source, target, parsed);
      source.addOutgoing(executable);
      target.addIncoming(executable);
      flows.put(flow.getId(), executable);
    }
    for (FlowNode node : process.getModelInstance().getModelElementsByType(ExclusiveGateway.class)) {
      ExclusiveGateway gateway = (ExclusiveGateway) node;
      if (gateway.getDefault() != null && elements.containsKey(gateway.getId())) {
        elements.get(gateway.getId()).setDefaultFlow(flows.get(gateway.getDefault().getId()));
      }
    }
    for (FlowNode node : process.getModelInstance().getModelElementsByType(
        io.camunda.zeebe.model.bpmn.instance.InclusiveGateway.class)) {
      io.camunda.zeebe.model.bpmn.instance.InclusiveGateway gateway = (io.camunda.zeebe.model.bpmn.instance.InclusiveGateway) node;
      if (gateway.getDefault() != null && elements.containsKey(gateway.getId())) {
        elements.get(gateway.getId()).setDefaultFlow(flows.get(gateway.getDefault().getId()));
      }
    }
    return new ExecutableProcess(process.getId(), version, key, resourceName, tenantId, root, elements, flows);
  }

  private void addChildren(
      ExecutableElement container,
      Collection<FlowElement> flowElements,
      Map<String, ExecutableElement> elements,
      List<SequenceFlow> sequenceFlows,
      List<BoundaryEvent> boundaries) {
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof SequenceFlow flow) {
        sequenceFlows.add(flow);
        continue;
      }
      if (!(flowElement instanceof FlowNode node)) {
        continue; // data objects and references have no behaviour
      }
      ExecutableElement body = multiInstanceBody(node, container);
      ExecutableElement element = newElement(node, body != null ? body : container);
      elements.put(element.id(), body != null ? body : element);
      container.addChild(body != null ? body : element);
      if (body != null) {
        body.setMultiInstance(body.loop(), element);
      }
      if (node instanceof BoundaryEvent boundary) {
        boundaries.add(boundary);
      }
      if (element.type() == BpmnElementType.START_EVENT && element.eventType() == BpmnEventType.NONE) {
        container.setNoneStartEvent(element);
      }
      if (node instanceof SubProcess subProcess) {
        addChildren(element, subProcess.getFlowElements(), elements, sequenceFlows, boundaries);
      }
      if (element.type() == BpmnElementType.EVENT_SUB_PROCESS) {
        addEventSubprocess(container, element, (SubProcess) node);
      }
    }
  }

  /** Registers an event subprocess's start event with its enclosing scope (spec §8). */
  private static void addEventSubprocess(ExecutableElement container, ExecutableElement eventSubprocess, SubProcess node) {
    List<StartEvent> starts = node.getFlowElements().stream()
        .filter(StartEvent.class::isInstance).map(StartEvent.class::cast).toList();
    ExecutableElement start = eventSubprocess.eventSubprocessStart();
    if (starts.size() != 1 || start == null || start.eventType() == BpmnEventType.NONE) {
      throw new IllegalArgumentException("Expected event subprocess '" + node.getId()
          + "' to have exactly one start event with an event definition, but found " + starts.size());
    }
    start.setInterrupting(start.eventType() == BpmnEventType.ERROR || starts.get(0).isInterrupting());
    container.addEventSubprocessStart(start);
  }

  /**
   * For an activity with multi-instance markers: the MULTI_INSTANCE_BODY that stands in for it in
   * the graph (same id, flows and boundary events); the activity itself becomes its inner element.
   */
  private ExecutableElement multiInstanceBody(FlowNode node, ExecutableElement container) {
    if (!(node instanceof Activity activity)
        || !(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics marker)) {
      return null;
    }
    ZeebeLoopCharacteristics zeebe = marker.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
      throw new IllegalArgumentException("Expected multi-instance activity '" + node.getId()
          + "' to have a 'zeebe:loopCharacteristics' with an 'inputCollection', but none was found");
    }
    String condition = marker.getCompletionCondition() == null ? null : marker.getCompletionCondition().getTextContent();
    LoopCharacteristics loop = new LoopCharacteristics(
        marker.isSequential(),
        parseFeel(node.getId(), "inputCollection", zeebe.getInputCollection()),
        blankToNull(zeebe.getInputElement()),
        blankToNull(zeebe.getOutputCollection()),
        blankToNull(zeebe.getOutputElement()) == null ? null
            : parseFeel(node.getId(), "outputElement", zeebe.getOutputElement()),
        blankToNull(condition) == null ? null : parseFeel(node.getId(), "completionCondition", condition.trim()));
    ExecutableElement body =
        new ExecutableElement(node.getId(), BpmnElementType.MULTI_INSTANCE_BODY, BpmnEventType.UNSPECIFIED, container);
    body.setMultiInstance(loop, null);
    return body;
  }

  /** Message intermediate throw and end events: jobs, like send tasks (spec §4, §7.2). */
  private static boolean isMessageThrowEvent(FlowNode node) {
    return node instanceof ThrowEvent throwEvent
        && throwEvent.getEventDefinitions().stream().anyMatch(MessageEventDefinition.class::isInstance);
  }

  private CalledDecision calledDecision(FlowNode node) {
    ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called == null || isBlank(called.getDecisionId()) || isBlank(called.getResultVariable())) {
      throw new IllegalArgumentException("Expected business rule task '" + node.getId()
          + "' to have a 'zeebe:calledDecision' with a 'decisionId' and a 'resultVariable', or a 'zeebe:taskDefinition'");
    }
    CalledDecision.Binding binding = binding(called.getBindingType());
    if (binding == CalledDecision.Binding.VERSION_TAG && isBlank(called.getVersionTag())) {
      throw new IllegalArgumentException("Expected business rule task '" + node.getId()
          + "' with bindingType 'versionTag' to have a 'versionTag', but none was found");
    }
    return new CalledDecision(parse(node.getId(), "decisionId", called.getDecisionId()), called.getResultVariable(),
        binding, binding == CalledDecision.Binding.VERSION_TAG ? called.getVersionTag() : null);
  }

  /** The model API reads an absent {@code bindingType} as null; Zeebe's default is latest. */
  private static CalledDecision.Binding binding(ZeebeBindingType bindingType) {
    return switch (bindingType == null ? ZeebeBindingType.latest : bindingType) {
      case latest -> CalledDecision.Binding.LATEST;
      case deployment -> CalledDecision.Binding.DEPLOYMENT;
      case versionTag -> CalledDecision.Binding.VERSION_TAG;
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private ExecutableElement newElement(FlowNode node, ExecutableElement container) {
    BpmnElementType type = elementType(node);
    BpmnEventType eventType = eventType(node);
    ExecutableElement element = new ExecutableElement(node.getId(), type, eventType, container);
    addMappings(node, element);
    boolean jobBasedScript = type == BpmnElementType.SCRIPT_TASK
        && node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null;
    if (type == BpmnElementType.SCRIPT_TASK && !jobBasedScript) {
      ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
      if (script == null || isBlank(script.getExpression()) || isBlank(script.getResultVariable())) {
        throw new IllegalArgumentException("Expected script task '" + node.getId()
            + "' to have a 'zeebe:script' with an 'expression' and a 'resultVariable', or a 'zeebe:taskDefinition'");
      }
      element.setScript(parseFeel(node.getId(), "expression", script.getExpression()), script.getResultVariable());
    }
    boolean jobBasedRule = type == BpmnElementType.BUSINESS_RULE_TASK
        && node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null;
    if (type == BpmnElementType.BUSINESS_RULE_TASK && !jobBasedRule) {
      element.setCalledDecision(calledDecision(node));
    }
    if (type.isJobWorkerTask() || jobBasedScript || jobBasedRule || isMessageThrowEvent(node)) {
      ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
        throw new IllegalArgumentException(
            "Expected element '" + node.getId() + "' to have a 'zeebe:taskDefinition' with a 'type', but none was found");
      }
      String retries = definition.getRetries() == null || definition.getRetries().isBlank() ? DEFAULT_RETRIES : definition.getRetries();
      element.setJobDefinition(parse(node.getId(), "type", definition.getType()), parse(node.getId(), "retries", retries));
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader header : headers.getHeaders()) {
          element.putTaskHeader(header.getKey(), header.getValue());
        }
      }
    }
    if (type == BpmnElementType.CALL_ACTIVITY) {
      element.setCalledElement(calledElement(node));
    }
    if (type == BpmnElementType.USER_TASK) {
      element.setUserTask(userTaskDefinition(node));
      if (!element.userTask().camundaUserTask()) {
        element.setJobDefinition(expressions.parse(USER_TASK_JOB_TYPE), expressions.parse(DEFAULT_RETRIES));
      }
    }
    EventDefinition definition = eventDefinition(node);
    if (definition instanceof ErrorEventDefinition error) {
      String code = error.getError() == null ? null : error.getError().getErrorCode();
      if (type == BpmnElementType.END_EVENT) {
        if (code == null || code.isBlank()) {
          throw new IllegalArgumentException(
              "Expected error end event '" + node.getId() + "' to reference an error with a code, but none was found");
        }
        element.setErrorCodeExpression(parse(node.getId(), "errorCode", code));
      } else {
        element.setErrorCode(code == null || code.isBlank() ? null : code);
      }
    } else if (definition instanceof EscalationEventDefinition escalation) {
      String code = escalation.getEscalation() == null ? null : escalation.getEscalation().getEscalationCode();
      if (type == BpmnElementType.END_EVENT || type == BpmnElementType.INTERMEDIATE_THROW_EVENT) {
        if (code == null || code.isBlank()) {
          throw new IllegalArgumentException("Expected escalation throw event '" + node.getId()
              + "' to reference an escalation with a code, but none was found");
        }
        element.setErrorCodeExpression(parse(node.getId(), "escalationCode", code));
      } else {
        element.setErrorCode(code == null || code.isBlank() ? null : code);
      }
    } else if (definition instanceof TimerEventDefinition timer) {
      element.setTimer(timerDefinition(node.getId(), timer));
    } else if (definition instanceof SignalEventDefinition signal) {
      if (signal.getSignal() == null || isBlank(signal.getSignal().getName())) {
        throw new IllegalArgumentException(
            "Expected signal event '" + node.getId() + "' to reference a signal with a name, but none was found");
      }
      element.setSignalName(parse(node.getId(), "signal name", signal.getSignal().getName()));
    } else if (definition instanceof MessageEventDefinition message && !isMessageThrowEvent(node)) {
      // a process-level message start needs no correlation key; an event subprocess's start does
      boolean processStart = node instanceof StartEvent && node.getParentElement() instanceof Process;
      element.setMessage(processStart
          ? startMessageDefinition(node.getId(), message.getMessage())
          : messageDefinition(node.getId(), message.getMessage()));
    }
    if (node instanceof ReceiveTask receiveTask) {
      element.setMessage(messageDefinition(node.getId(), receiveTask.getMessage()));
    }
    return element;
  }

  private CalledElement calledElement(FlowNode node) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      throw new IllegalArgumentException("Expected call activity '" + node.getId()
          + "' to have a 'zeebe:calledElement' with a 'processId', but none was found");
    }
    // the model API reads an absent attribute as true, the documented default of both flags
    return new CalledElement(parse(node.getId(), "processId", called.getProcessId()),
        called.isPropagateAllParentVariablesEnabled(), called.isPropagateAllChildVariablesEnabled());
  }

  private UserTaskDefinition userTaskDefinition(FlowNode node) {
    String id = node.getId();
    ZeebeAssignmentDefinition assignment = node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    ZeebePriorityDefinition priority = node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    return new UserTaskDefinition(
        node.getSingleExtensionElement(ZeebeUserTask.class) != null,
        assignment == null ? null : optional(id, "assignee", assignment.getAssignee()),
        assignment == null ? null : optional(id, "candidateGroups", assignment.getCandidateGroups()),
        assignment == null ? null : optional(id, "candidateUsers", assignment.getCandidateUsers()),
        schedule == null ? null : optional(id, "dueDate", schedule.getDueDate()),
        schedule == null ? null : optional(id, "followUpDate", schedule.getFollowUpDate()),
        linkedForm(form),
        form == null ? null : optional(id, "externalReference", form.getExternalReference()),
        form == null || isBlank(form.getFormKey()) ? null : form.getFormKey(),
        priority == null ? null : optional(id, "priority", priority.getPriority()),
        isBlank(node.getName()) ? null : node.getName());
  }

  private static LinkedForm linkedForm(ZeebeFormDefinition form) {
    if (form == null || isBlank(form.getFormId())) {
      return null;
    }
    // the model's design-time rules already require a versionTag with bindingType versionTag
    CalledDecision.Binding binding = binding(form.getBindingType());
    return new LinkedForm(form.getFormId(), binding,
        binding == CalledDecision.Binding.VERSION_TAG ? form.getVersionTag() : null);
  }

  private Expression optional(String elementId, String attribute, String raw) {
    return isBlank(raw) ? null : parse(elementId, attribute, raw);
  }

  private static boolean isBlank(String raw) {
    return raw == null || raw.isBlank();
  }

  private TimerDefinition timerDefinition(String elementId, TimerEventDefinition timer) {
    if (timer.getTimeDuration() != null) {
      return new TimerDefinition(TimerKind.DURATION, parse(elementId, "timeDuration", timer.getTimeDuration().getTextContent()));
    }
    if (timer.getTimeDate() != null) {
      return new TimerDefinition(TimerKind.DATE, parse(elementId, "timeDate", timer.getTimeDate().getTextContent()));
    }
    if (timer.getTimeCycle() != null) {
      return new TimerDefinition(TimerKind.CYCLE, parse(elementId, "timeCycle", timer.getTimeCycle().getTextContent()));
    }
    throw new IllegalArgumentException(
        "Expected timer event '" + elementId + "' to have a timeDate, timeDuration or timeCycle, but it has none");
  }

  /** A message start event's message: a name, and no correlation key (the message brings its own). */
  private MessageDefinition startMessageDefinition(String elementId, Message message) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      throw new IllegalArgumentException(
          "Expected element '" + elementId + "' to reference a message with a name, but none was found");
    }
    return new MessageDefinition(message.getId(), parse(elementId, "message name", message.getName()), null);
  }

  private MessageDefinition messageDefinition(String elementId, Message message) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      throw new IllegalArgumentException(
          "Expected element '" + elementId + "' to reference a message with a name, but none was found");
    }
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    if (subscription == null || subscription.getCorrelationKey() == null || subscription.getCorrelationKey().isBlank()) {
      throw new IllegalArgumentException("Expected message '" + message.getId()
          + "' to have a 'zeebe:subscription' with a 'correlationKey', but none was found");
    }
    return new MessageDefinition(message.getId(), parse(elementId, "message name", message.getName()),
        parse(elementId, "correlationKey", subscription.getCorrelationKey()));
  }

  private void addMappings(FlowNode node, ExecutableElement element) {
    ZeebeIoMapping mapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
      return;
    }
    for (ZeebeInput input : mapping.getInputs()) {
      String source = input.getSource() == null || input.getSource().isBlank() ? "=null" : input.getSource();
      element.addInput(new VariableMapping(parse(node.getId(), "input source", source), input.getTarget(), path(input.getTarget())));
    }
    for (ZeebeOutput output : mapping.getOutputs()) {
      element.addOutput(
          new VariableMapping(parseFeel(node.getId(), "output source", output.getSource()), output.getTarget(), path(output.getTarget())));
    }
  }

  private static List<String> path(String target) {
    return Arrays.stream(target.trim().split("\\.")).map(String::trim).toList();
  }

  private Expression parse(String elementId, String attribute, String raw) {
    try {
      return expressions.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Element '" + elementId + "', attribute '" + attribute + "': " + e.getMessage(), e);
    }
  }

  private Expression parseFeel(String elementId, String attribute, String raw) {
    try {
      return expressions.parseFeel(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Element '" + elementId + "', attribute '" + attribute + "': " + e.getMessage(), e);
    }
  }

  private static EventDefinition eventDefinition(FlowNode node) {
    Collection<EventDefinition> definitions = List.of();
    if (node instanceof StartEvent start) {
      definitions = start.getEventDefinitions();
    } else if (node instanceof EndEvent end) {
      definitions = end.getEventDefinitions();
    } else if (node instanceof BoundaryEvent boundary) {
      definitions = boundary.getEventDefinitions();
    } else if (node instanceof IntermediateThrowEvent throwEvent) {
      definitions = throwEvent.getEventDefinitions();
    } else if (node instanceof IntermediateCatchEvent catchEvent) {
      definitions = catchEvent.getEventDefinitions();
    }
    return definitions.isEmpty() ? null : definitions.iterator().next();
  }

  private static BpmnEventType eventType(FlowNode node) {
    EventDefinition definition = eventDefinition(node);
    if (definition instanceof ErrorEventDefinition) {
      return BpmnEventType.ERROR;
    }
    if (definition instanceof TimerEventDefinition) {
      return BpmnEventType.TIMER;
    }
    if (definition instanceof TerminateEventDefinition && node instanceof EndEvent) {
      return BpmnEventType.TERMINATE;
    }
    if (definition instanceof MessageEventDefinition) {
      return BpmnEventType.MESSAGE;
    }
    if (definition instanceof SignalEventDefinition) {
      return BpmnEventType.SIGNAL;
    }
    if (definition instanceof EscalationEventDefinition) {
      return BpmnEventType.ESCALATION;
    }
    if (definition != null) {
      throw unsupported(node);
    }
    boolean isEvent = node instanceof StartEvent || node instanceof EndEvent || node instanceof IntermediateThrowEvent;
    return isEvent ? BpmnEventType.NONE : BpmnEventType.UNSPECIFIED;
  }

  private static BpmnElementType elementType(FlowNode node) {
    if (node instanceof ServiceTask) {
      return BpmnElementType.SERVICE_TASK;
    }
    if (node instanceof SendTask) {
      return BpmnElementType.SEND_TASK;
    }
    if (node instanceof ReceiveTask) {
      return BpmnElementType.RECEIVE_TASK;
    }
    if (node instanceof UserTask) {
      return BpmnElementType.USER_TASK;
    }
    if (node instanceof ScriptTask) {
      return BpmnElementType.SCRIPT_TASK;
    }
    if (node instanceof BusinessRuleTask) {
      return BpmnElementType.BUSINESS_RULE_TASK;
    }
    if (node instanceof ManualTask) {
      return BpmnElementType.MANUAL_TASK;
    }
    if (node instanceof StartEvent) {
      return BpmnElementType.START_EVENT;
    }
    if (node instanceof EndEvent) {
      return BpmnElementType.END_EVENT;
    }
    if (node instanceof BoundaryEvent) {
      return BpmnElementType.BOUNDARY_EVENT;
    }
    if (node instanceof IntermediateCatchEvent) {
      return BpmnElementType.INTERMEDIATE_CATCH_EVENT;
    }
    if (node instanceof IntermediateThrowEvent) {
      return BpmnElementType.INTERMEDIATE_THROW_EVENT;
    }
    if (node instanceof ExclusiveGateway) {
      return BpmnElementType.EXCLUSIVE_GATEWAY;
    }
    if (node instanceof ParallelGateway) {
      return BpmnElementType.PARALLEL_GATEWAY;
    }
    if (node instanceof io.camunda.zeebe.model.bpmn.instance.InclusiveGateway) {
      return BpmnElementType.INCLUSIVE_GATEWAY;
    }
    if (node instanceof io.camunda.zeebe.model.bpmn.instance.EventBasedGateway) {
      return BpmnElementType.EVENT_BASED_GATEWAY;
    }
    if (node instanceof CallActivity) {
      return BpmnElementType.CALL_ACTIVITY;
    }
    if (node instanceof SubProcess subProcess && !subProcess.triggeredByEvent()) {
      return BpmnElementType.SUB_PROCESS;
    }
    if (node instanceof SubProcess subProcess && subProcess.triggeredByEvent()
        && subProcess.getElementType().getTypeName().equals("subProcess")) {
      return BpmnElementType.EVENT_SUB_PROCESS;
    }
    // Task must come last: every specific task type is also a Task
    if (node instanceof Task && node.getElementType().getTypeName().equals("task")) {
      return BpmnElementType.TASK;
    }
    throw unsupported(node);
  }

  private static IllegalArgumentException unsupported(FlowNode node) {
    return new IllegalArgumentException(
        "Expected a supported BPMN element, but '" + node.getElementType().getTypeName() + "' (id '" + node.getId()
            + "') is not supported yet");
  }
}
