package dev.engranaje.engine.state;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.record.BatchOperationIntent;
import dev.engranaje.engine.record.BatchOperationRecord;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.DecisionRequirementsRecord;
import dev.engranaje.engine.record.DeploymentRecord;
import dev.engranaje.engine.record.ErrorIntent;
import dev.engranaje.engine.record.ErrorRecord;
import dev.engranaje.engine.record.FormRecord;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobBatchRecord;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.record.ProcessEventIntent;
import dev.engranaje.engine.record.ProcessEventRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.VariableRecord;
import java.util.function.Function;

/**
 * The only writer of {@link EngineState}: applies one event record. Used live (each event as it is
 * written) and on recovery (each committed event in log order), so both paths build the same state.
 */
public final class EventApplier {
  private final EngineState state;
  private final Function<ProcessRecord, ExecutableProcess> processLoader;

  /**
   * @param processLoader builds the executable graph of a deployed process from its record
   */
  public EventApplier(EngineState state, Function<ProcessRecord, ExecutableProcess> processLoader) {
    this.state = state;
    this.processLoader = processLoader;
  }

  /** Makes sure no key up to {@code key} is issued again (keys of records compaction removed). */
  public void observeKey(long key) {
    state.keys().observe(key);
  }

  public void apply(Record record) {
    state.keys().observe(record.key());
    if (record.recordType() != RecordType.EVENT) {
      return;
    }
    switch (record.valueType()) {
      case PROCESS -> {
        if (record.intent() == ProcessIntent.DELETED) {
          state.processes().remove(((ProcessRecord) record.value()).processDefinitionKey());
        } else {
          applyProcess((ProcessRecord) record.value());
        }
      }
      case DEPLOYMENT -> applyDeployment(record.key(), (DeploymentRecord) record.value());
      case DECISION_REQUIREMENTS -> state.decisions().putRequirements((DecisionRequirementsRecord) record.value());
      case DECISION -> state.decisions().putDecision((DecisionRecord) record.value());
      case FORM -> state.forms().put((FormRecord) record.value());
      case PROCESS_INSTANCE -> applyElement(record, (ProcessInstanceIntent) record.intent(), (ProcessInstanceRecord) record.value());
      case JOB -> applyJob(record.key(), (JobIntent) record.intent(), (JobRecord) record.value());
      case JOB_BATCH -> applyJobBatch((JobBatchRecord) record.value());
      case VARIABLE -> applyVariable(record.key(), (VariableRecord) record.value());
      case INCIDENT -> applyIncident(record, (IncidentIntent) record.intent(), (IncidentRecord) record.value());
      case MESSAGE -> applyMessage(record.key(), (MessageIntent) record.intent(), (MessageRecord) record.value());
      case TIMER -> applyTimer(record.key(), (TimerIntent) record.intent(), (TimerRecord) record.value());
      case ERROR -> applyError((ErrorIntent) record.intent(), (ErrorRecord) record.value());
      case PROCESS_MESSAGE_SUBSCRIPTION -> applySubscription(record.key(),
          (ProcessMessageSubscriptionIntent) record.intent(), (ProcessMessageSubscriptionRecord) record.value());
      case USER_TASK -> state.userTasks().put((UserTaskRecord) record.value(),
          record.intent() != UserTaskIntent.COMPLETED && record.intent() != UserTaskIntent.CANCELED);
      case SIGNAL_SUBSCRIPTION -> {
        if (record.intent() == SignalSubscriptionIntent.CREATED) {
          state.signalSubscriptions().put(record.key(), (SignalSubscriptionRecord) record.value());
        } else {
          state.signalSubscriptions().remove(record.key());
        }
      }
      case PROCESS_EVENT -> applyProcessEvent((ProcessEventIntent) record.intent(), (ProcessEventRecord) record.value());
      case BATCH_OPERATION -> state.batchOperations().apply(record.key(), (BatchOperationIntent) record.intent(),
          (BatchOperationRecord) record.value());
      default -> {
        // creations, variable documents and decision evaluations only inform
      }
    }
  }

  private void applyProcessEvent(ProcessEventIntent intent, ProcessEventRecord event) {
    ElementInstance scope = state.elementInstances().get(event.scopeKey());
    if (scope != null) {
      scope.setPendingTrigger(intent == ProcessEventIntent.TRIGGERING ? event.targetElementId() : null);
    }
  }

  private void applyProcess(ProcessRecord record) {
    state.processes().put(new ProcessState.DeployedDefinition(record, processLoader.apply(record)));
  }

  /**
   * Remembers which deployment created each process and which decision and form versions it
   * deployed or reused.
   */
  private void applyDeployment(long deploymentKey, DeploymentRecord deployment) {
    for (DeploymentRecord.DeployedProcessMetadata process : deployment.processes()) {
      if (!process.duplicate()) {
        state.processes().deployedBy(process.processDefinitionKey(), deploymentKey);
      }
    }
    if (deployment.decisions() != null) {
      for (DeploymentRecord.DeployedDecisionMetadata decision : deployment.decisions()) {
        state.decisions().deployedInDeployment(deploymentKey, decision.decisionId(), decision.decisionKey());
      }
    }
    if (deployment.forms() != null) {
      for (DeploymentRecord.DeployedFormMetadata form : deployment.forms()) {
        state.forms().deployedInDeployment(deploymentKey, form.formId(), form.formKey());
      }
    }
  }

  private void applyElement(Record record, ProcessInstanceIntent intent, ProcessInstanceRecord value) {
    ElementInstanceState instances = state.elementInstances();
    long key = record.key();
    switch (intent) {
      case ELEMENT_ACTIVATING -> {
        instances.add(new ElementInstance(key, value));
        ElementInstance scope = instances.get(value.flowScopeKey());
        if (scope != null) {
          scope.childActivated();
          ExecutableElement element = element(value);
          if (element != null && element.isJoin()) {
            scope.consumeJoinTokens(element.id(), element.incoming().stream().map(ExecutableFlow::id).toList());
          }
        }
        if (value.bpmnElementType() == BpmnElementType.PROCESS) {
          linkCaller(value, key, key);
          state.history().started(new InstanceHistory.Summary(key, value.bpmnProcessId(), value.version(),
              value.processDefinitionKey(), record.timestamp(), value.parentProcessInstanceKey(),
              value.parentElementInstanceKey(), value.tenantId()));
        }
      }
      case ELEMENT_ACTIVATED -> setState(key, ElementState.ACTIVATED);
      case ELEMENT_COMPLETING -> setState(key, ElementState.COMPLETING);
      case ELEMENT_TERMINATING -> setState(key, ElementState.TERMINATING);
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        instances.remove(key);
        state.variables().removeScope(key);
        ElementInstance scope = instances.get(value.flowScopeKey());
        if (scope != null) {
          scope.childLeft(intent == ProcessInstanceIntent.ELEMENT_COMPLETED);
          if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED && value.bpmnEventType() == BpmnEventType.TERMINATE) {
            scope.clearJoinTokens();
          }
        }
        if (value.bpmnElementType() == BpmnElementType.PROCESS) {
          state.messages().instanceEnded(key);
          linkCaller(value, key, -1);
          String end = intent == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED";
          state.history().ended(key, end, record.timestamp());
        }
      }
      case ELEMENT_MIGRATED -> {
        ElementInstance instance = instances.get(key);
        if (instance != null) {
          instance.migrate(value);
        }
        if (value.bpmnElementType() == BpmnElementType.PROCESS) {
          state.history().migrated(key, value.bpmnProcessId(), value.version(), value.processDefinitionKey());
        }
      }
      case SEQUENCE_FLOW_TAKEN -> {
        ExecutableProcess process = process(value);
        ExecutableFlow flow = process == null ? null : process.flow(value.elementId());
        ElementInstance scope = instances.get(value.flowScopeKey());
        if (flow != null && scope != null && flow.target().isJoin()) {
          scope.addJoinToken(flow.target().id(), flow.id());
        }
      }
      default -> {}
    }
  }

  /** Points a call activity at the process instance it called, or (with -1) at none once it ended. */
  private void linkCaller(ProcessInstanceRecord processInstance, long processInstanceKey, long calledKey) {
    ElementInstance caller = state.elementInstances().get(processInstance.parentElementInstanceKey());
    if (caller != null && (calledKey > 0 || caller.calledInstanceKey() == processInstanceKey)) {
      caller.setCalledInstanceKey(calledKey);
    }
  }

  private void setState(long key, ElementState elementState) {
    ElementInstance instance = state.elementInstances().get(key);
    if (instance != null) {
      instance.setState(elementState);
    }
  }

  private void applyJob(long key, JobIntent intent, JobRecord job) {
    JobState jobs = state.jobs();
    switch (intent) {
      case CREATED -> {
        jobs.put(key, job, JobStatus.ACTIVATABLE);
        ElementInstance instance = state.elementInstances().get(job.elementInstanceKey());
        if (instance != null) {
          instance.setJobKey(key);
        }
      }
      case COMPLETED, CANCELED -> {
        jobs.remove(key);
        ElementInstance instance = state.elementInstances().get(job.elementInstanceKey());
        if (instance != null && instance.jobKey() == key) {
          instance.setJobKey(-1);
        }
      }
      case FAILED -> {
        boolean activatable = job.retries() > 0 && job.recurringTime() <= 0;
        jobs.put(key, job, activatable ? JobStatus.ACTIVATABLE : JobStatus.FAILED);
      }
      case TIMED_OUT, RECURRED_AFTER_BACKOFF, YIELDED -> jobs.put(key, job, JobStatus.ACTIVATABLE);
      case RETRIES_UPDATED, TIMEOUT_UPDATED, MIGRATED -> {
        Job existing = jobs.get(key);
        if (existing != null) {
          jobs.put(key, job, existing.status());
        }
      }
      case ERROR_THROWN -> jobs.put(key, job, JobStatus.ERROR_THROWN);
      default -> {}
    }
  }

  private void applyJobBatch(JobBatchRecord batch) {
    for (long jobKey : batch.jobKeys()) {
      Job job = state.jobs().get(jobKey);
      if (job != null) {
        state.jobs().put(jobKey, job.record().withActivation(batch.worker(), batch.deadline()), JobStatus.ACTIVATED);
      }
    }
  }

  private void applyVariable(long key, VariableRecord variable) {
    state.variables().put(variable.scopeKey(), new VariableState.Variable(key, variable.name(), variable.value(), variable.scopeKey()));
  }

  private void applyIncident(Record record, IncidentIntent intent, IncidentRecord incident) {
    switch (intent) {
      case CREATED -> {
        state.incidents().created(record.key(), incident, record.timestamp());
        state.history().incidentCreated(incident.processInstanceKey());
      }
      case MIGRATED -> state.incidents().migrated(record.key(), incident);
      case RESOLVED -> {
        state.incidents().resolved(record.key());
        state.history().incidentResolved(incident.processInstanceKey());
        Job job = incident.jobKey() > 0 ? state.jobs().get(incident.jobKey()) : null;
        if (job != null && job.status() != JobStatus.ACTIVATED && job.record().retries() > 0) {
          state.jobs().put(job.key(), job.record().withFailure(job.record().retries(), job.record().errorMessage(),
              0, 0, null), JobStatus.ACTIVATABLE);
        }
      }
      default -> {}
    }
  }

  /**
   * A caught error ends the job that threw it, as in Zeebe: the job is removed and the task no
   * longer refers to it, so terminating the task for the catch event cancels no job. An uncaught
   * error keeps the job (ERROR_THROWN) for its incident to re-enable.
   */
  private void applyError(ErrorIntent intent, ErrorRecord error) {
    if (intent != ErrorIntent.THROWN || error.catchElementId() == null) {
      return;
    }
    ElementInstance thrower = state.elementInstances().get(error.throwingElementInstanceKey());
    if (thrower == null || thrower.jobKey() <= 0) {
      return;
    }
    Job job = state.jobs().get(thrower.jobKey());
    if (job != null && job.status() == JobStatus.ERROR_THROWN) {
      state.jobs().remove(job.key());
    }
    thrower.setJobKey(-1);
  }

  private void applyMessage(long key, MessageIntent intent, MessageRecord message) {
    if (intent == MessageIntent.PUBLISHED && message.timeToLive() > 0) {
      state.messages().buffer(key, message);
    } else if (intent == MessageIntent.EXPIRED) {
      state.messages().remove(key);
    }
  }

  private void applyTimer(long key, TimerIntent intent, TimerRecord timer) {
    if (intent == TimerIntent.CREATED) {
      state.timers().put(key, timer);
    } else if (intent == TimerIntent.MIGRATED) {
      state.timers().remove(key);
      state.timers().put(key, timer);
    } else {
      state.timers().remove(key);
    }
  }

  /**
   * A correlation marks the buffered message as taken by that process id (at most once per
   * bpmnProcessId) and closes an interrupting subscription; deletion closes any subscription.
   */
  private void applySubscription(long key, ProcessMessageSubscriptionIntent intent,
      ProcessMessageSubscriptionRecord subscription) {
    switch (intent) {
      case CREATED -> state.subscriptions().put(key, subscription);
      case CORRELATED -> {
        state.messages().correlated(subscription.messageKey(), subscription.bpmnProcessId());
        if (subscription.elementInstanceKey() == subscription.processInstanceKey()
            && !subscription.correlationKey().isEmpty()) {
          // a message start event: the new instance is tagged with the message's correlation key
          state.messages().startedInstance(subscription.processInstanceKey(), subscription.bpmnProcessId(),
              subscription.correlationKey());
        }
        if (subscription.interrupting()) {
          state.subscriptions().remove(key);
        }
      }
      case DELETED -> state.subscriptions().remove(key);
      case MIGRATED -> {
        state.subscriptions().remove(key);
        state.subscriptions().put(key, subscription);
      }
      default -> {}
    }
  }

  private ExecutableProcess process(ProcessInstanceRecord value) {
    ProcessState.DeployedDefinition definition = state.processes().byKey(value.processDefinitionKey());
    return definition == null ? null : definition.process();
  }

  private ExecutableElement element(ProcessInstanceRecord value) {
    ExecutableProcess process = process(value);
    return process == null ? null : process.element(value.elementId(), value.bpmnElementType());
  }
}
