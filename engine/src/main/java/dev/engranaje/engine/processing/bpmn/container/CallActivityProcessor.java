package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.CalledElement;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ProcessState.DeployedDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call activity (spec §8): activation applies the inputs, resolves the latest version of the
 * called process and creates a child instance whose parent keys point here, copying in either every
 * visible variable or only the call activity's locals. The child's completion completes the call
 * activity with the child's root variables as payload, like a job completion; terminating the call
 * activity terminates the child. Failures to resolve the process are CALLED_ELEMENT_ERROR incidents.
 */
public final class CallActivityProcessor implements ElementProcessor {
  static final String PROCESS_NOT_FOUND = "Expected process with BPMN process id '%s' to be deployed, but not found.";
  static final String NO_NONE_START =
      "Expected process with BPMN process id '%s' to have a none start event, but not found.";
  static final String TOO_DEEP = "Expected the call activity '%s' to create a process instance at a depth of at"
      + " most %d, but it would be deeper. Check the called processes for an unbounded recursion.";
  static final String PROCESS_ID_NOT_STRING =
      "Expected the 'processId' expression '%s' of call activity '%s' to evaluate to a string, but %s";
  static final int MAX_DEPTH = 1000;

  private final Dependencies d;

  /** What a call activity uses. */
  public record Dependencies(EngineState state, StateTransitionBehavior transitions, ActivityBehavior activities,
      MappingBehavior mappings, VariableBehavior variables, IncidentBehavior incidents, ExpressionLanguage expressions,
      SubscriptionBehavior subscriptions) {}

  public CallActivityProcessor(Dependencies dependencies) {
    this.d = dependencies;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!d.activities().applyInputs(instance, element)) {
      return;
    }
    Outcome<DeployedDefinition> called = resolve(instance, element);
    if (called.isFailure()) {
      d.incidents().raise(instance, called.failure(), -1);
      return;
    }
    List<ProcessMessageSubscriptionRecord> messageBoundaries = d.subscriptions().prepareOrRaise(instance, element);
    if (messageBoundaries == null || !d.activities().armBoundaryTimers(instance, element)) {
      return;
    }
    d.subscriptions().open(messageBoundaries);
    ProcessRecord process = called.value().record();
    long childKey = d.state().keys().next();
    ProcessInstanceRecord child = new ProcessInstanceRecord(process.bpmnProcessId(), process.version(),
        process.processDefinitionKey(), childKey, process.bpmnProcessId(), -1, BpmnElementType.PROCESS,
        BpmnEventType.UNSPECIFIED, instance.processInstanceKey(), instance.key(), process.tenantId());
    d.transitions().createProcessInstance(childKey, child);
    d.variables().mergeLocal(childKey, element.calledElement().propagateAllParentVariables()
        ? d.variables().visibleJson(instance.key(), null)
        : localVariables(instance.key()));
    d.transitions().toActivated(instance);
    d.subscriptions().correlateBuffered(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    CalledElement called = element.calledElement();
    if (element.outputs().isEmpty()) {
      if (called.propagateAllChildVariables()) {
        d.variables().propagate(instance.key(), payload);
      }
      return Outcome.ok(null);
    }
    d.variables().mergeLocal(instance.key(), payload);
    return d.mappings().applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    d.activities().leave(instance);
    ElementInstance child = d.state().elementInstances().get(instance.calledInstanceKey());
    if (child != null) {
      d.transitions().terminate(child);
    }
  }

  private Outcome<DeployedDefinition> resolve(ElementInstance instance, ExecutableElement element) {
    Expression processIdExpression = element.calledElement().processId();
    String processId;
    if (processIdExpression.isFeel()) {
      EvaluationResult result = d.expressions().evaluate(processIdExpression,
          d.variables().visibleValues(instance.key()));
      if (!(result instanceof EvaluationResult.Success success) || !(success.value() instanceof String value)) {
        String actual = result instanceof EvaluationResult.Failure failure ? failure.message()
            : "got '" + ((EvaluationResult.Success) result).value() + "'";
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
            String.format(PROCESS_ID_NOT_STRING, processIdExpression.text(), element.id(), actual));
      }
      processId = value;
    } else {
      processId = processIdExpression.staticValue();
    }
    DeployedDefinition definition = d.state().processes().latest(processId);
    if (definition == null) {
      return Outcome.failed(ErrorType.CALLED_ELEMENT_ERROR, String.format(PROCESS_NOT_FOUND, processId));
    }
    if (definition.process().root().noneStartEvent() == null) {
      return Outcome.failed(ErrorType.CALLED_ELEMENT_ERROR, String.format(NO_NONE_START, processId));
    }
    if (depth(instance) >= MAX_DEPTH) {
      return Outcome.failed(ErrorType.CALLED_ELEMENT_ERROR, String.format(TOO_DEEP, element.id(), MAX_DEPTH));
    }
    return Outcome.ok(definition);
  }

  /** How many process instances call the one the call activity runs in. */
  private int depth(ElementInstance instance) {
    int depth = 0;
    long parentKey = instance.value().parentProcessInstanceKey();
    while (parentKey > 0 && depth < MAX_DEPTH) {
      depth++;
      ElementInstance parent = d.state().elementInstances().get(parentKey);
      parentKey = parent == null ? -1 : parent.value().parentProcessInstanceKey();
    }
    return depth;
  }

  private Map<String, String> localVariables(long scopeKey) {
    Map<String, String> locals = new LinkedHashMap<>();
    d.state().variables().local(scopeKey).forEach((name, variable) -> locals.put(name, variable.json()));
    return locals;
  }
}
