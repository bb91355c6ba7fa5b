package dev.engranaje.engine.processing.instance;

import dev.engranaje.engine.gateway.MigrateProcessInstance;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceMigrationIntent;
import dev.engranaje.engine.record.ProcessInstanceMigrationRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.IncidentState.IncidentEntry;
import dev.engranaje.engine.state.Job;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migrates a running process instance to another process definition (Zeebe's process instance
 * migration): every live element is checked against its mapping first ({@link MigrationRules}), so
 * a refused migration changes nothing; then each element instance, and what it owns (job, user task,
 * timers, message subscriptions, incidents), is re-recorded under the target definition. Nothing is
 * re-created: a job keeps its key, type, retries and worker; a timer keeps its due date.
 */
public final class ProcessInstanceMigrationHandler {
  static final String NOT_FOUND = "Expected to migrate process instance but no process instance found with key '%d'";
  static final String TARGET_NOT_FOUND = "Expected to migrate process instance to process definition but no process"
      + " definition found with key '%d'";
  static final String CHILD_INSTANCE = "Expected to migrate process instance '%d' but process instance is a child"
      + " process instance. Child process instances cannot be migrated.";
  static final String TENANT_CHANGED = "Expected to migrate process instance '%d' to a process definition of the same"
      + " tenant '%s', but the target process definition belongs to tenant '%s'";
  static final String SOURCE_NOT_FOUND = "Expected to migrate process instance '%d' but mapping instructions contain a"
      + " non-existing source element id '%s'. Elements provided in mapping instructions must exist in the source"
      + " process definition.";
  static final String MAPPED_TARGET_NOT_FOUND = "Expected to migrate process instance '%d' but mapping instructions"
      + " contain a non-existing target element id '%s'. Elements provided in mapping instructions must exist in the"
      + " target process definition.";
  static final String DUPLICATE_SOURCE = "Expected to migrate process instance '%d' but the mapping instructions"
      + " contain duplicate source element ids '%s'.";

  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final LiveTree tree;

  public ProcessInstanceMigrationHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.tree = new LiveTree(state);
  }

  public void migrate(MigrateProcessInstance command) {
    long key = command.processInstanceKey();
    ElementInstance root = state.elementInstances().get(key);
    if (root == null || root.value().bpmnElementType() != BpmnElementType.PROCESS) {
      throw new Rejection(RejectionType.NOT_FOUND, String.format(NOT_FOUND, key));
    }
    if (root.value().parentProcessInstanceKey() > 0) {
      throw MigrationRules.invalid(CHILD_INSTANCE, key);
    }
    DeployedDefinition targetDefinition = state.processes().byKey(command.targetProcessDefinitionKey());
    if (targetDefinition == null) {
      throw new Rejection(RejectionType.NOT_FOUND, String.format(TARGET_NOT_FOUND, command.targetProcessDefinitionKey()));
    }
    ExecutableProcess source = transitions.process(root.value());
    ExecutableProcess target = targetDefinition.process();
    if (!target.tenantId().equals(root.value().tenantId())) {
      throw MigrationRules.invalid(TENANT_CHANGED, key, root.value().tenantId(), target.tenantId());
    }
    Map<String, String> mapping = mapping(key, command, source, target);
    MigrationRules.checkRoot(key, root, source, target);
    List<ElementInstance> live = tree.all(root);
    Map<ElementInstance, ExecutableElement> targets = new LinkedHashMap<>();
    targets.put(root, target.root());
    for (ElementInstance instance : live.subList(1, live.size())) {
      ExecutableElement sourceElement = source.element(instance.elementId(), instance.value().bpmnElementType());
      targets.put(instance, MigrationRules.check(key, instance, sourceElement, mapping, target));
    }
    Map<String, String> applied = new LinkedHashMap<>();
    targets.forEach((instance, element) -> applied.put(instance.elementId(), element.id()));
    ProcessInstanceMigrationRecord record = new ProcessInstanceMigrationRecord(key,
        root.value().processDefinitionKey(), target.processDefinitionKey(), target.bpmnProcessId(), target.version(),
        applied, root.value().tenantId());
    writer.command(key, ProcessInstanceMigrationIntent.MIGRATE, record);
    targets.forEach((instance, element) -> migrateElement(instance, element, target));
    writer.event(key, ProcessInstanceMigrationIntent.MIGRATED, record);
  }

  private static Map<String, String> mapping(long key, MigrateProcessInstance command, ExecutableProcess source,
      ExecutableProcess target) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (MigrateProcessInstance.Mapping instruction : command.mappings()) {
      if (instruction.sourceElementId() == null || source.element(instruction.sourceElementId()) == null) {
        throw MigrationRules.invalid(SOURCE_NOT_FOUND, key, instruction.sourceElementId());
      }
      if (instruction.targetElementId() == null || target.element(instruction.targetElementId()) == null) {
        throw MigrationRules.invalid(MAPPED_TARGET_NOT_FOUND, key, instruction.targetElementId());
      }
      if (mapping.put(instruction.sourceElementId(), instruction.targetElementId()) != null) {
        throw MigrationRules.invalid(DUPLICATE_SOURCE, key, instruction.sourceElementId());
      }
    }
    return mapping;
  }

  private void migrateElement(ElementInstance instance, ExecutableElement element, ExecutableProcess target) {
    ProcessInstanceRecord old = instance.value();
    String elementId = old.bpmnElementType() == BpmnElementType.PROCESS ? target.bpmnProcessId() : element.id();
    ProcessInstanceRecord migrated = new ProcessInstanceRecord(target.bpmnProcessId(), target.version(),
        target.processDefinitionKey(), old.processInstanceKey(), elementId, old.flowScopeKey(), old.bpmnElementType(),
        old.bpmnEventType(), old.parentProcessInstanceKey(), old.parentElementInstanceKey(), old.tenantId());
    writer.event(instance.key(), ProcessInstanceIntent.ELEMENT_MIGRATED, migrated);
    String sourceId = old.elementId();
    migrateJob(instance, elementId, target);
    migrateUserTask(instance, elementId, target);
    for (long timerKey : state.timers().forElementInstance(instance.key())) {
      TimerRecord timer = state.timers().get(timerKey);
      writer.event(timerKey, TimerIntent.MIGRATED, new TimerRecord(timer.elementInstanceKey(),
          timer.processInstanceKey(), target.processDefinitionKey(),
          renamed(timer.targetElementId(), sourceId, elementId), timer.dueDate(), timer.repetitions(),
          timer.tenantId()));
    }
    for (long subscriptionKey : state.subscriptions().forElementInstance(instance.key())) {
      ProcessMessageSubscriptionRecord s = state.subscriptions().get(subscriptionKey);
      writer.event(subscriptionKey, ProcessMessageSubscriptionIntent.MIGRATED, new ProcessMessageSubscriptionRecord(
          s.elementInstanceKey(), s.processInstanceKey(), target.processDefinitionKey(), target.bpmnProcessId(),
          renamed(s.elementId(), sourceId, elementId), s.messageName(), s.correlationKey(), s.interrupting(),
          s.messageKey(), s.variables(), s.tenantId()));
    }
    for (long incidentKey : state.incidents().activeForElementInstance(instance.key())) {
      IncidentEntry entry = state.incidents().get(incidentKey);
      IncidentRecord i = entry.record();
      writer.event(incidentKey, IncidentIntent.MIGRATED, new IncidentRecord(i.errorType(), i.errorMessage(),
          target.bpmnProcessId(), target.processDefinitionKey(), i.processInstanceKey(), elementId,
          i.elementInstanceKey(), i.jobKey(), i.variableScopeKey(), i.tenantId()));
    }
  }

  /** A boundary event keeps its id (the rules require the same boundary events); the element itself is renamed. */
  private static String renamed(String elementId, String sourceId, String targetId) {
    return elementId.equals(sourceId) ? targetId : elementId;
  }

  private void migrateJob(ElementInstance instance, String elementId, ExecutableProcess target) {
    Job job = instance.jobKey() > 0 ? state.jobs().get(instance.jobKey()) : null;
    if (job == null) {
      return;
    }
    JobRecord j = job.record();
    writer.event(job.key(), JobIntent.MIGRATED, new JobRecord(j.type(), j.retries(), j.customHeaders(),
        j.processInstanceKey(), target.bpmnProcessId(), target.version(), target.processDefinitionKey(), elementId,
        j.elementInstanceKey(), j.worker(), j.deadline(), j.errorMessage(), j.errorCode(), j.retryBackoff(),
        j.recurringTime(), j.variables(), j.tenantId()));
  }

  private void migrateUserTask(ElementInstance instance, String elementId, ExecutableProcess target) {
    UserTaskRecord t = state.userTasks().liveOf(instance.key());
    if (t == null) {
      return;
    }
    writer.event(t.userTaskKey(), UserTaskIntent.MIGRATED, new UserTaskRecord(t.userTaskKey(), t.elementInstanceKey(),
        t.processInstanceKey(), target.bpmnProcessId(), target.version(), target.processDefinitionKey(), elementId,
        t.assignee(), t.candidateGroups(), t.candidateUsers(), t.dueDate(), t.followUpDate(), t.formKey(),
        t.externalFormReference(), t.priority(), t.creationTimestamp(), t.completionTimestamp(), t.state(),
        t.variables(), "migrate", t.completer(), t.tenantId(), List.of()));
  }
}
