package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BPMN element ready to execute. Built by {@link ProcessTransformer} and never changed after the
 * deployment is accepted, so it may be shared between threads once published.
 */
public final class ExecutableElement {
  private final String id;
  private final BpmnElementType type;
  private final BpmnEventType eventType;
  private final ExecutableElement flowScope;
  private final List<ExecutableFlow> incoming = new ArrayList<>();
  private final List<ExecutableFlow> outgoing = new ArrayList<>();
  private final List<ExecutableElement> children = new ArrayList<>();
  private final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  private final List<ExecutableElement> eventSubprocessStarts = new ArrayList<>();
  private final List<VariableMapping> inputs = new ArrayList<>();
  private final List<VariableMapping> outputs = new ArrayList<>();
  private final Map<String, String> taskHeaders = new LinkedHashMap<>();
  private ExecutableFlow defaultFlow;
  private ExecutableElement noneStartEvent;
  private Expression jobType;
  private Expression jobRetries;
  private ExecutableElement attachedTo;
  private boolean interrupting = true;
  private String errorCode;
  private Expression errorCodeExpression;
  private TimerDefinition timer;
  private CalledElement calledElement;
  private CalledDecision calledDecision;
  private MessageDefinition message;
  private LoopCharacteristics loop;
  private ExecutableElement innerActivity;
  private UserTaskDefinition userTask;
  private Expression script;
  private String resultVariable;
  private Expression signalName;

  ExecutableElement(String id, BpmnElementType type, BpmnEventType eventType, ExecutableElement flowScope) {
    this.id = id;
    this.type = type;
    this.eventType = eventType;
    this.flowScope = flowScope;
  }

  public String id() {
    return id;
  }

  public BpmnElementType type() {
    return type;
  }

  public BpmnEventType eventType() {
    return eventType;
  }

  /** The enclosing subprocess or process; null for the process itself. */
  public ExecutableElement flowScope() {
    return flowScope;
  }

  public List<ExecutableFlow> incoming() {
    return Collections.unmodifiableList(incoming);
  }

  public List<ExecutableFlow> outgoing() {
    return Collections.unmodifiableList(outgoing);
  }

  /** Flow nodes directly inside this container. */
  public List<ExecutableElement> children() {
    return Collections.unmodifiableList(children);
  }

  public List<ExecutableElement> boundaryEvents() {
    return Collections.unmodifiableList(boundaryEvents);
  }

  /** For containers: the start events of the event subprocesses directly inside (spec §8). */
  public List<ExecutableElement> eventSubprocessStarts() {
    return Collections.unmodifiableList(eventSubprocessStarts);
  }

  /** For event subprocesses: the start event that triggers it; null otherwise. */
  public ExecutableElement eventSubprocessStart() {
    return type != BpmnElementType.EVENT_SUB_PROCESS ? null
        : children.stream().filter(c -> c.type() == BpmnElementType.START_EVENT).findFirst().orElse(null);
  }

  public List<VariableMapping> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  public List<VariableMapping> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  public Map<String, String> taskHeaders() {
    return Collections.unmodifiableMap(taskHeaders);
  }

  public ExecutableFlow defaultFlow() {
    return defaultFlow;
  }

  /** For containers: the none start event that begins the container's flow. */
  public ExecutableElement noneStartEvent() {
    return noneStartEvent;
  }

  public Expression jobType() {
    return jobType;
  }

  public Expression jobRetries() {
    return jobRetries;
  }

  /** For boundary events: the activity they are attached to. */
  public ExecutableElement attachedTo() {
    return attachedTo;
  }

  public boolean interrupting() {
    return interrupting;
  }

  /** For error and escalation catch events: the code caught, or null for a catch-all. */
  public String errorCode() {
    return errorCode;
  }

  /** For error end events and escalation throw events: the code thrown. */
  public Expression errorCodeExpression() {
    return errorCodeExpression;
  }

  public TimerDefinition timer() {
    return timer;
  }

  /** For call activities: which process to call and which variables to copy. */
  public CalledElement calledElement() {
    return calledElement;
  }

  /** For message catch events, receive tasks and message boundary events; null otherwise. */
  public MessageDefinition message() {
    return message;
  }

  /** For multi-instance bodies: the loop settings; null otherwise. */
  public LoopCharacteristics loop() {
    return loop;
  }

  /** For multi-instance bodies: the activity run once per item (its flow scope is the body). */
  public ExecutableElement innerActivity() {
    return innerActivity;
  }

  /** For user tasks: the assignment, schedule, form and priority; null otherwise. */
  public UserTaskDefinition userTask() {
    return userTask;
  }

  /** For business rule tasks evaluated by the engine: the decision to call; null for job-based ones. */
  public CalledDecision calledDecision() {
    return calledDecision;
  }

  /** For script tasks evaluated by the engine: the FEEL expression; null for job-based ones. */
  public Expression script() {
    return script;
  }

  /** For script tasks evaluated by the engine: the variable that receives the result. */
  public String resultVariable() {
    return resultVariable;
  }

  /** For signal events: the signal name (static or FEEL); null otherwise. */
  public Expression signalName() {
    return signalName;
  }

  /** A parallel gateway with more than one incoming flow waits for a token on each. */
  public boolean isParallelJoin() {
    return type == BpmnElementType.PARALLEL_GATEWAY && incoming.size() > 1;
  }

  /** An inclusive gateway with more than one incoming flow: it collects tokens like a parallel join. */
  public boolean isInclusiveJoin() {
    return type == BpmnElementType.INCLUSIVE_GATEWAY && incoming.size() > 1;
  }

  /** A gateway that parks tokens per incoming flow until it fires (parallel or inclusive join). */
  public boolean isJoin() {
    return isParallelJoin() || isInclusiveJoin();
  }

  @Override
  public String toString() {
    return type + "('" + id + "')";
  }

  void addIncoming(ExecutableFlow flow) {
    incoming.add(flow);
  }

  void addOutgoing(ExecutableFlow flow) {
    outgoing.add(flow);
  }

  void addChild(ExecutableElement child) {
    children.add(child);
  }

  void addBoundaryEvent(ExecutableElement boundary) {
    boundaryEvents.add(boundary);
  }

  void addEventSubprocessStart(ExecutableElement start) {
    eventSubprocessStarts.add(start);
  }

  void setInterrupting(boolean interrupting) {
    this.interrupting = interrupting;
  }

  void addInput(VariableMapping mapping) {
    inputs.add(mapping);
  }

  void addOutput(VariableMapping mapping) {
    outputs.add(mapping);
  }

  void putTaskHeader(String key, String value) {
    taskHeaders.put(key, value);
  }

  void setDefaultFlow(ExecutableFlow defaultFlow) {
    this.defaultFlow = defaultFlow;
  }

  void setNoneStartEvent(ExecutableElement noneStartEvent) {
    this.noneStartEvent = noneStartEvent;
  }

  void setJobDefinition(Expression jobType, Expression jobRetries) {
    this.jobType = jobType;
    this.jobRetries = jobRetries;
  }

  void setAttachedTo(ExecutableElement attachedTo, boolean interrupting) {
    this.attachedTo = attachedTo;
    this.interrupting = interrupting;
  }

  void setErrorCode(String errorCode) {
    this.errorCode = errorCode;
  }

  void setErrorCodeExpression(Expression errorCodeExpression) {
    this.errorCodeExpression = errorCodeExpression;
  }

  void setTimer(TimerDefinition timer) {
    this.timer = timer;
  }

  void setCalledElement(CalledElement calledElement) {
    this.calledElement = calledElement;
  }

  void setMessage(MessageDefinition message) {
    this.message = message;
  }

  void setMultiInstance(LoopCharacteristics loop, ExecutableElement innerActivity) {
    this.loop = loop;
    this.innerActivity = innerActivity;
  }

  void setUserTask(UserTaskDefinition userTask) {
    this.userTask = userTask;
  }

  void setScript(Expression script, String resultVariable) {
    this.script = script;
    this.resultVariable = resultVariable;
  }

  void setCalledDecision(CalledDecision calledDecision) {
    this.calledDecision = calledDecision;
  }

  void setSignalName(Expression signalName) {
    this.signalName = signalName;
  }
}
