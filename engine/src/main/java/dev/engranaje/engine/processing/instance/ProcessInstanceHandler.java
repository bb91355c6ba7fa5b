package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.ProcessorHooks;
import dev.engranaje.engine.processing.ProcessorHooks.AwaitedInstance;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.Reply;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.ProcessInstanceCreationIntent;
import dev.engranaje.engine.record.ProcessInstanceCreationRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Creates process instances (spec §11), answers awaited creations, and cancels instances. */
public final class ProcessInstanceHandler {
  static final long DEFAULT_AWAIT_TIMEOUT_MILLIS = 20_000;

  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final VariableBehavior variables;
  private final ProcessorHooks hooks;

  public ProcessInstanceHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      VariableBehavior variables, ProcessorHooks hooks) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.variables = variables;
    this.hooks = hooks;
  }

  public void create(CreateProcessInstance command, Reply<CreatedProcessInstance> reply) {
    DeployedDefinition definition = findDefinition(command);
    if (definition.process().root().noneStartEvent() == null) {
      throw new Rejection(RejectionType.INVALID_STATE,
          "Expected to create instance of process with none start event, but there is no such event");
    }
    if (command.startElementIds() != null && !command.startElementIds().isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT,
          "Expected no start instructions, but got " + command.startElementIds() + ": this engine does not support them yet");
    }
    Map<String, String> document = JsonDocuments.entries(command.variablesJson());
    long key = state.keys().next();
    var record = definition.record();
    ProcessInstanceRecord value = new ProcessInstanceRecord(record.bpmnProcessId(), record.version(),
        record.processDefinitionKey(), key, record.bpmnProcessId(), -1, BpmnElementType.PROCESS,
        BpmnEventType.UNSPECIFIED, -1, -1, record.tenantId());
    transitions.createProcessInstance(key, value);
    variables.mergeLocal(key, document);
    writer.event(key, ProcessInstanceCreationIntent.CREATED, new ProcessInstanceCreationRecord(record.bpmnProcessId(),
        record.version(), record.processDefinitionKey(), key, JsonDocuments.object(document), record.tenantId()));
    CreatedProcessInstance created = new CreatedProcessInstance(record.processDefinitionKey(), record.bpmnProcessId(),
        record.version(), key, record.tenantId(), null);
    if (!command.awaitCompletion()) {
      reply.complete(created);
      return;
    }
    long timeout = command.requestTimeoutMillis() > 0 ? command.requestTimeoutMillis() : DEFAULT_AWAIT_TIMEOUT_MILLIS;
    // request timeouts are transport time, not engine time: a test clock must not expire them
    hooks.await(new AwaitedInstance(created, command.fetchVariables(), reply,
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout)));
  }

  /**
   * Creates an instance of a deployed version that begins at one of its start events (a timer or
   * message start event firing). Writes no creation record and has no caller to answer.
   *
   * @return the new process instance key
   */
  public long createAtStartEvent(DeployedDefinition definition, String startEventId, Map<String, String> variables) {
    var record = definition.record();
    ExecutableElement startEvent = definition.process().element(startEventId);
    long key = state.keys().next();
    ProcessInstanceRecord value = new ProcessInstanceRecord(record.bpmnProcessId(), record.version(),
        record.processDefinitionKey(), key, record.bpmnProcessId(), -1, BpmnElementType.PROCESS,
        BpmnEventType.UNSPECIFIED, -1, -1, record.tenantId());
    transitions.createProcessInstance(key, value, startEvent);
    this.variables.mergeLocal(key, variables);
    return key;
  }

  /** Called when a process instance completes or terminates, while its root variables still exist. */
  public void onProcessInstanceEnded(ElementInstance instance) {
    if (instance.flowScopeKey() > 0) {
      return;
    }
    AwaitedInstance awaited = hooks.takeAwaited(instance.key());
    if (awaited == null) {
      return;
    }
    if (instance.state() == ElementState.TERMINATING) {
      awaited.reply().reject(new Rejection(RejectionType.INVALID_STATE, "Expected process instance '" + instance.key()
          + "' to complete, but it was terminated"));
      return;
    }
    String result = JsonDocuments.object(variables.visibleJson(instance.key(), awaited.fetchVariables()));
    CreatedProcessInstance created = awaited.created();
    awaited.reply().complete(new CreatedProcessInstance(created.processDefinitionKey(), created.bpmnProcessId(),
        created.version(), created.processInstanceKey(), created.tenantId(), result));
  }

  public void cancel(long processInstanceKey) {
    ElementInstance instance = state.elementInstances().get(processInstanceKey);
    if (instance == null || instance.value().bpmnElementType() != BpmnElementType.PROCESS) {
      throw new Rejection(RejectionType.NOT_FOUND, "Expected to cancel a process instance with key '"
          + processInstanceKey + "', but no such process instance was found");
    }
    if (instance.value().parentProcessInstanceKey() > 0) {
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to cancel a process instance with key '"
          + processInstanceKey + "', but it is created by a parent process instance. Cancel the root process instance '"
          + instance.value().parentProcessInstanceKey() + "' instead.");
    }
    if (instance.state() == ElementState.TERMINATING) {
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to cancel a process instance with key '"
          + processInstanceKey + "', but it is already being terminated");
    }
    transitions.terminate(instance);
  }

  private DeployedDefinition findDefinition(CreateProcessInstance command) {
    if (command.processDefinitionKey() != null && command.processDefinitionKey() > 0) {
      DeployedDefinition definition = state.processes().byKey(command.processDefinitionKey());
      if (definition == null) {
        throw new Rejection(RejectionType.NOT_FOUND, "Expected to find process definition with key '"
            + command.processDefinitionKey() + "', but none found");
      }
      return definition;
    }
    String id = command.bpmnProcessId();
    if (id == null || id.isBlank()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT,
          "Expected either a process definition key or a BPMN process id, but got neither");
    }
    boolean latest = command.version() == null || command.version() < 0;
    DeployedDefinition definition = latest ? state.processes().latest(id) : state.processes().version(id, command.version());
    if (definition == null) {
      throw new Rejection(RejectionType.NOT_FOUND, "Expected to find process definition with process ID '" + id + "'"
          + (latest ? "" : " and version '" + command.version() + "'") + ", but none found");
    }
    return definition;
  }
}
