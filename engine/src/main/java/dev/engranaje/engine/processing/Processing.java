package dev.engranaje.engine.processing;

import dev.engranaje.engine.EngineActivity;
import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ProcessTransformer;
import dev.engranaje.engine.processing.bpmn.ElementProcessors;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.ConditionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.DecisionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.ErrorEventBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.JobBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SignalBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.TimerBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.UserTaskBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.processing.bpmn.container.CallActivityProcessor;
import dev.engranaje.engine.processing.bpmn.container.MultiInstanceBodyProcessor;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.EscalationBehavior;
import dev.engranaje.engine.processing.bpmn.event.EscalationThrowEventProcessor;
import dev.engranaje.engine.processing.bpmn.container.EventSubProcessProcessor;
import dev.engranaje.engine.processing.bpmn.container.ProcessProcessor;
import dev.engranaje.engine.processing.bpmn.container.SubProcessProcessor;
import dev.engranaje.engine.processing.bpmn.event.BoundaryEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.EndEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.IntermediateCatchEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.MessageCatchProcessor;
import dev.engranaje.engine.processing.bpmn.event.MessageThrowEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.SignalCatchEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.SignalThrowEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.StartEventProcessor;
import dev.engranaje.engine.processing.bpmn.event.TimerCatchEventProcessor;
import dev.engranaje.engine.processing.bpmn.gateway.ExclusiveGatewayProcessor;
import dev.engranaje.engine.processing.bpmn.gateway.ParallelGatewayProcessor;
import dev.engranaje.engine.processing.bpmn.gateway.InclusiveGatewayProcessor;
import dev.engranaje.engine.processing.message.MessageStartEvents;
import dev.engranaje.engine.processing.bpmn.gateway.EventBasedGatewayProcessor;
import dev.engranaje.engine.processing.bpmn.task.BusinessRuleTaskProcessor;
import dev.engranaje.engine.processing.bpmn.task.JobWorkerTaskProcessor;
import dev.engranaje.engine.processing.bpmn.task.PassThroughTaskProcessor;
import dev.engranaje.engine.processing.bpmn.task.ScriptTaskProcessor;
import dev.engranaje.engine.processing.bpmn.task.UserTaskProcessor;
import dev.engranaje.engine.processing.audit.AuditLogWriter;
import dev.engranaje.engine.processing.batch.BatchOperationHandler;
import dev.engranaje.engine.processing.deployment.BpmnResourceReader;
import dev.engranaje.engine.processing.decision.DecisionEvaluationHandler;
import dev.engranaje.engine.processing.deployment.DecisionRequirementsLoader;
import dev.engranaje.engine.processing.deployment.DeploymentHandler;
import dev.engranaje.engine.processing.deployment.ProcessLoader;
import dev.engranaje.engine.processing.deployment.ResourceDeletion;
import dev.engranaje.engine.processing.incident.IncidentHandler;
import dev.engranaje.engine.processing.instance.ProcessInstanceHandler;
import dev.engranaje.engine.processing.instance.ProcessInstanceMigrationHandler;
import dev.engranaje.engine.processing.instance.ProcessInstanceModificationHandler;
import dev.engranaje.engine.processing.job.JobActivation;
import dev.engranaje.engine.processing.job.JobCommandHandler;
import dev.engranaje.engine.processing.message.MessageHandler;
import dev.engranaje.engine.processing.query.StateQueries;
import dev.engranaje.engine.processing.query.UserTaskQueries;
import dev.engranaje.engine.processing.signal.SignalHandler;
import dev.engranaje.engine.processing.signal.SignalStartEvents;
import dev.engranaje.engine.processing.timer.TimerStartEvents;
import dev.engranaje.engine.processing.timer.TimerTriggerHandler;
import dev.engranaje.engine.processing.usertask.UserTaskCommandHandler;
import dev.engranaje.engine.processing.variable.VariableDocumentHandler;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;

/**
 * The processing side of one engine state: command handlers, element processors and their shared
 * behaviours, wired once. Rebuilt from the log together with the state after an unexpected failure.
 */
public final class Processing {
  private final EngineState state;
  private final RecordWriter writer;
  private final Clock clock;
  private final StateTransitionBehavior transitions;
  private final DeploymentHandler deployments;
  private final ProcessInstanceHandler instances;
  private final ProcessInstanceModificationHandler modifications;
  private final ProcessInstanceMigrationHandler migrations;
  private final JobActivation jobActivation;
  private final JobCommandHandler jobs;
  private final IncidentHandler incidents;
  private final VariableDocumentHandler variableDocuments;
  private final MessageHandler messages;
  private final TimerTriggerHandler timerTriggers;
  private final StateQueries queries;
  private final UserTaskCommandHandler userTasks;
  private final UserTaskQueries userTaskQueries;
  private final SignalHandler signalHandler;
  private final DecisionBehavior decisions;
  private final DecisionEvaluationHandler decisionEvaluations;
  private final AuditLogWriter audit;
  private final BatchOperationHandler batchOperations;
  private final ResourceDeletion resourceDeletion;

  /** Everything a {@link Processing} is built from. */
  public record Dependencies(EngineState state, RecordWriter writer, Clock clock, ExpressionLanguage expressions,
      DecisionEngine decisionEngine, ProcessTransformer transformer, ProcessLoader loader, BpmnResourceReader reader,
      ProcessorHooks hooks) {}

  public Processing(Dependencies d) {
    this.state = d.state();
    this.writer = d.writer();
    this.clock = d.clock();
    ProcessorHooks hooks = d.hooks();
    VariableBehavior variables = new VariableBehavior(state, writer);
    IncidentBehavior incidentBehavior = new IncidentBehavior(state, writer);
    MappingBehavior mappings = new MappingBehavior(d.expressions(), variables);
    TimerBehavior timers = new TimerBehavior(state, writer, d.expressions(), variables, clock);
    JobBehavior jobBehavior = new JobBehavior(state, writer, d.expressions(), variables, hooks::jobsAvailable);
    ConditionBehavior conditions = new ConditionBehavior(d.expressions(), variables);
    ActivityBehavior activities = new ActivityBehavior(mappings, timers, incidentBehavior);
    DecisionRequirementsLoader decisionLoader = new DecisionRequirementsLoader(d.decisionEngine());
    this.decisions = new DecisionBehavior(state, writer, d.decisionEngine(), decisionLoader, d.expressions(), variables);
    ProcessInstanceHandler[] instanceHandler = new ProcessInstanceHandler[1];
    MessageStartEvents[] messageStarts = new MessageStartEvents[1];
    this.transitions = new StateTransitionBehavior(state, writer, incidentBehavior, variables, ended -> {
      instanceHandler[0].onProcessInstanceEnded(ended);
      messageStarts[0].onInstanceEnded(ended);
    });
    ErrorEventBehavior errors = new ErrorEventBehavior(state, writer, transitions);
    SubscriptionBehavior subscriptions = new SubscriptionBehavior(state, writer, d.expressions(), variables, transitions,
        incidentBehavior);
    // an element that is left (completed or terminated) closes its message subscriptions and
    // cancels its timers, including the boundary timers of an activity that completed normally
    transitions.onLeave(subscriptions::closeAll);
    SignalBehavior signals = new SignalBehavior(state, writer, d.expressions(), variables, transitions, incidentBehavior,
        (subscription, vars) -> instanceHandler[0].createAtStartEvent(
            state.processes().byKey(subscription.processDefinitionKey()), subscription.catchElementId(), vars));
    activities.bindSignals(signals);
    transitions.onLeave(signals::closeAll);
    transitions.onLeave(timers::cancelAll);
    // an interrupting event subprocess fired: the scope's other event subprocess triggers close
    transitions.onScopeInterrupted(scope -> {
      subscriptions.closeEventSubprocessSubscriptions(scope, transitions.elementOf(scope));
      signals.closeEventSubprocessSubscriptions(scope, transitions.elementOf(scope));
      timers.cancelEventSubprocessTimers(scope, transitions.elementOf(scope));
    });
    // escalation throw and end events go to an escalation processor, the others to the wrapped one
    EscalationBehavior escalations = new EscalationBehavior(state, writer, transitions);
    java.util.function.UnaryOperator<ElementProcessor> escalating = otherwise -> new EscalationThrowEventProcessor(
        otherwise, transitions, activities, escalations, incidentBehavior, d.expressions(), variables, state);
    JobWorkerTaskProcessor jobTasks = new JobWorkerTaskProcessor(transitions, activities, jobBehavior,
        incidentBehavior, variables, mappings, subscriptions);
    transitions.bind(new ElementProcessors()
        // containers
        .register(BpmnElementType.PROCESS, new ProcessProcessor(transitions, activities, subscriptions))
        .register(BpmnElementType.EVENT_SUB_PROCESS, new EventSubProcessProcessor(transitions, mappings))
        .register(BpmnElementType.SUB_PROCESS, new SubProcessProcessor(transitions, activities, mappings, subscriptions))
        .register(BpmnElementType.CALL_ACTIVITY, new CallActivityProcessor(new CallActivityProcessor.Dependencies(
            state, transitions, activities, mappings, variables, incidentBehavior, d.expressions(), subscriptions)))
        .register(BpmnElementType.MULTI_INSTANCE_BODY, new MultiInstanceBodyProcessor(
            new MultiInstanceBodyProcessor.Dependencies(state, transitions, activities, subscriptions, variables,
                incidentBehavior, d.expressions())))
        // events
        .register(BpmnElementType.START_EVENT, new StartEventProcessor(transitions, mappings))
        .register(BpmnElementType.END_EVENT, escalating.apply(new MessageThrowEventProcessor(jobTasks,
            new SignalThrowEventProcessor(new EndEventProcessor(transitions, activities, mappings, errors,
                incidentBehavior, d.expressions(), variables), state, transitions, activities, signals,
                incidentBehavior))))
        .register(BpmnElementType.BOUNDARY_EVENT, new BoundaryEventProcessor(transitions, mappings, variables, state))
        .register(BpmnElementType.INTERMEDIATE_CATCH_EVENT, new IntermediateCatchEventProcessor(Map.of(
            BpmnEventType.TIMER, new TimerCatchEventProcessor(transitions, activities, timers, incidentBehavior, mappings),
            BpmnEventType.MESSAGE, new MessageCatchProcessor(transitions, activities, subscriptions, variables,
                mappings),
            BpmnEventType.SIGNAL, new SignalCatchEventProcessor(transitions, activities, variables, mappings)),
            transitions))
        .register(BpmnElementType.INTERMEDIATE_THROW_EVENT, escalating.apply(new MessageThrowEventProcessor(jobTasks,
            new SignalThrowEventProcessor(new PassThroughTaskProcessor(transitions, activities, mappings), state,
                transitions, activities, signals, incidentBehavior))))
        // tasks
        .register(BpmnElementType.SERVICE_TASK, jobTasks)
        .register(BpmnElementType.SEND_TASK, jobTasks)
        .register(BpmnElementType.RECEIVE_TASK, new MessageCatchProcessor(transitions, activities, subscriptions,
            variables, mappings))
        .register(BpmnElementType.SCRIPT_TASK, new ScriptTaskProcessor(new JobWorkerTaskProcessor(transitions,
            activities, jobBehavior, incidentBehavior, variables, mappings, subscriptions), transitions, activities,
            incidentBehavior, variables, mappings, d.expressions()))
        .register(BpmnElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskProcessor(
            new BusinessRuleTaskProcessor.Dependencies(new JobWorkerTaskProcessor(transitions, activities, jobBehavior,
                incidentBehavior, variables, mappings, subscriptions), transitions, activities, incidentBehavior,
                variables, mappings, decisions)))
        .register(BpmnElementType.TASK, new PassThroughTaskProcessor(transitions, activities, mappings))
        .register(BpmnElementType.MANUAL_TASK, new PassThroughTaskProcessor(transitions, activities, mappings))
        .register(BpmnElementType.USER_TASK, new UserTaskProcessor(new UserTaskProcessor.Dependencies(transitions,
            activities, jobBehavior, new UserTaskBehavior(state, writer, d.expressions(), variables, clock),
            incidentBehavior, variables, mappings, subscriptions)))
        // gateways
        .register(BpmnElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor(transitions, conditions, incidentBehavior))
        .register(BpmnElementType.PARALLEL_GATEWAY, new ParallelGatewayProcessor(transitions))
        .register(BpmnElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayProcessor(transitions, conditions, incidentBehavior))
        .register(BpmnElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayProcessor(transitions, subscriptions,
            signals, timers, incidentBehavior)));
    this.instances = new ProcessInstanceHandler(state, writer, transitions, variables, hooks);
    instanceHandler[0] = instances;
    this.modifications = new ProcessInstanceModificationHandler(state, writer, transitions, variables);
    this.migrations = new ProcessInstanceMigrationHandler(state, writer, transitions);
    TimerStartEvents timerStarts = new TimerStartEvents(state, writer, timers, instances);
    this.deployments = new DeploymentHandler(state, writer, d.reader(), d.transformer(), d.loader(), timerStarts,
        d.decisionEngine(), decisionLoader);
    deployments.onProcessDeployed(new SignalStartEvents(state, writer, d.expressions())::onProcessDeployed);
    this.signalHandler = new SignalHandler(signals);
    this.decisionEvaluations = new DecisionEvaluationHandler(state, decisions);
    this.jobActivation = new JobActivation(state, writer, variables, hooks, clock);
    this.jobs = new JobCommandHandler(state, writer, transitions, variables, incidentBehavior, errors, hooks, clock);
    this.incidents = new IncidentHandler(state, incidentBehavior, transitions, hooks);
    this.variableDocuments = new VariableDocumentHandler(state, writer, variables);
    messageStarts[0] = new MessageStartEvents(state, writer, d.expressions(), transitions, instances);
    this.messages = new MessageHandler(state, writer, clock, subscriptions, messageStarts[0]);
    this.timerTriggers = new TimerTriggerHandler(state, writer, transitions, timers, timerStarts, incidentBehavior,
        hooks.quarantine());
    this.queries = new StateQueries(state);
    this.userTasks = new UserTaskCommandHandler(state, writer, transitions, clock);
    this.userTaskQueries = new UserTaskQueries(state);
    this.audit = new AuditLogWriter(state.keys(), writer);
    this.batchOperations = new BatchOperationHandler(new BatchOperationHandler.Dependencies(state, writer, incidents,
        instances, jobs, audit, hooks.quarantine()));
    this.resourceDeletion = new ResourceDeletion(state, writer);
  }

  public ResourceDeletion resourceDeletion() {
    return resourceDeletion;
  }

  public AuditLogWriter audit() {
    return audit;
  }

  public BatchOperationHandler batchOperations() {
    return batchOperations;
  }

  public EngineState state() {
    return state;
  }

  public RecordWriter writer() {
    return writer;
  }

  public DeploymentHandler deployments() {
    return deployments;
  }

  public ProcessInstanceHandler instances() {
    return instances;
  }

  public ProcessInstanceModificationHandler modifications() {
    return modifications;
  }

  public ProcessInstanceMigrationHandler migrations() {
    return migrations;
  }

  public JobActivation jobActivation() {
    return jobActivation;
  }

  public JobCommandHandler jobs() {
    return jobs;
  }

  public IncidentHandler incidents() {
    return incidents;
  }

  public VariableDocumentHandler variableDocuments() {
    return variableDocuments;
  }

  public MessageHandler messages() {
    return messages;
  }

  public StateQueries queries() {
    return queries;
  }

  public UserTaskCommandHandler userTasks() {
    return userTasks;
  }

  public SignalHandler signals() {
    return signalHandler;
  }

  public DecisionEvaluationHandler decisionEvaluations() {
    return decisionEvaluations;
  }

  public UserTaskQueries userTaskQueries() {
    return userTaskQueries;
  }

  /** Runs the command's follow-up work, then serves parked job activations that can now be served. */
  void afterCommand(ProcessorHooks hooks) {
    transitions.drainFollowUps();
    jobActivation.serveParked();
  }

  /** Fires what time has made due: job timeouts, backoffs, timers, message expiry, request timeouts. */
  void runDueWork(ProcessorHooks hooks) {
    long now = clock.millis();
    jobs.runDueWork(now);
    timerTriggers.fireDue(now);
    messages.expire(now);
    batchOperations.processChunk(now);
    transitions.drainFollowUps();
    jobActivation.serveParked();
    long nanos = System.nanoTime();
    hooks.expirePolls(nanos);
    hooks.expireAwaited(nanos);
  }

  /** What is left to do now (see {@link dev.engranaje.engine.Engine#activity()}). */
  public EngineActivity activity() {
    long now = clock.millis();
    long nextDue = Math.min(Math.min(state.jobs().nextDueTime(), batchOperations.nextDueTime()),
        Math.min(state.timers().nextDueDate(), state.messages().nextExpiry()));
    long nextInstanceTimer = state.timers().all().stream().filter(timer -> timer.processInstanceKey() > 0)
        .mapToLong(timer -> timer.dueDate()).min().orElse(Long.MAX_VALUE);
    return new EngineActivity(Instant.ofEpochMilli(now), nextDue <= now,
        instantOf(nextInstanceTimer), instantOf(nextDue), state.jobs().countByStatusAndType(JobStatus.ACTIVATABLE),
        state.jobs().countByStatusAndType(JobStatus.ACTIVATED));
  }

  private static Optional<Instant> instantOf(long millis) {
    return millis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  long millisUntilNextDueWork() {
    long next = Math.min(Math.min(state.jobs().nextDueTime(), batchOperations.nextDueTime()),
        Math.min(state.timers().nextDueDate(), state.messages().nextExpiry()));
    return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - clock.millis();
  }
}
