package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.decision.DecisionEngine;
import dev.engranaje.engine.decision.DecisionOutcome;
import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.CalledDecision;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.deployment.DecisionRequirementsLoader;
import dev.engranaje.engine.record.DecisionEvaluationIntent;
import dev.engranaje.engine.record.DecisionEvaluationRecord;
import dev.engranaje.engine.record.DecisionEvaluationRecord.ProcessContext;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import java.util.Map;

/**
 * Evaluates deployed decisions and records each evaluation (DecisionEvaluation EVALUATED or
 * FAILED). For business rule tasks it also resolves the called decision by its binding and turns
 * failures into incident failures: CALLED_DECISION_ERROR when no decision matches,
 * DECISION_EVALUATION_ERROR with the DMN engine's message when the evaluation fails.
 */
public final class DecisionBehavior {
  static final String NOT_FOUND = "Expected to evaluate decision '%s', but no decision found for id '%s'";
  static final String NOT_IN_DEPLOYMENT = "Expected to evaluate decision '%s' deployed together with process '%s'"
      + " (bindingType 'deployment'), but that deployment contains no decision with this id";
  static final String NO_VERSION_TAG = "Expected to evaluate decision '%s' with version tag '%s', but no version of"
      + " it has this tag";
  static final String NOT_A_STRING = "Expected decisionId of 'zeebe:calledDecision' to evaluate to a string, but it"
      + " was %s";
  static final String EVALUATION_FAILED = "Expected to evaluate decision '%s', but %s";

  private final EngineState state;
  private final RecordWriter writer;
  private final DecisionEngine engine;
  private final DecisionRequirementsLoader loader;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;

  /** An evaluation as recorded, with the key of its DecisionEvaluation record. */
  public record Evaluation(long key, DecisionEvaluationRecord record) {
    public boolean failed() {
      return record.evaluationFailureMessage() != null;
    }
  }

  public DecisionBehavior(EngineState state, RecordWriter writer, DecisionEngine engine,
      DecisionRequirementsLoader loader, ExpressionLanguage expressions, VariableBehavior variables) {
    this.state = state;
    this.writer = writer;
    this.engine = engine;
    this.loader = loader;
    this.expressions = expressions;
    this.variables = variables;
  }

  /**
   * Evaluates the decision a business rule task calls with the variables visible in its scope.
   *
   * @return the decision's output as JSON text, or the failure to raise as an incident
   */
  public Outcome<String> evaluateCalledDecision(ElementInstance instance, ExecutableElement element) {
    Map<String, Object> visible = variables.visibleValues(instance.key());
    Outcome<DecisionRecord> decision = resolve(instance, element.calledDecision(), visible);
    if (decision.isFailure()) {
      return Outcome.failed(decision.failure());
    }
    ProcessInstanceRecord value = instance.value();
    Evaluation evaluation = evaluate(decision.value(), visible, new ProcessContext(value.bpmnProcessId(),
        value.processDefinitionKey(), value.processInstanceKey(), value.elementId(), instance.key()));
    if (evaluation.failed()) {
      return Outcome.failed(ErrorType.DECISION_EVALUATION_ERROR, evaluation.record().evaluationFailureMessage());
    }
    return Outcome.ok(evaluation.record().decisionOutput());
  }

  private Outcome<DecisionRecord> resolve(ElementInstance instance, CalledDecision called, Map<String, Object> visible) {
    EvaluationResult id = expressions.evaluate(called.decisionId(), visible);
    if (id instanceof EvaluationResult.Failure failure) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
    }
    Object idValue = ((EvaluationResult.Success) id).value();
    if (!(idValue instanceof String decisionId)) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, String.format(NOT_A_STRING, idValue));
    }
    return switch (called.binding()) {
      case LATEST -> found(state.decisions().latestDecision(decisionId), String.format(NOT_FOUND, decisionId,
          decisionId));
      case DEPLOYMENT -> found(state.decisions().decisionInDeployment(
          state.processes().deploymentKeyOf(instance.value().processDefinitionKey()), decisionId),
          String.format(NOT_IN_DEPLOYMENT, decisionId, instance.value().bpmnProcessId()));
      case VERSION_TAG -> found(state.decisions().decisionWithVersionTag(decisionId, called.versionTag()),
          String.format(NO_VERSION_TAG, decisionId, called.versionTag()));
    };
  }

  private static Outcome<DecisionRecord> found(DecisionRecord decision, String notFoundMessage) {
    return decision == null ? Outcome.failed(ErrorType.CALLED_DECISION_ERROR, notFoundMessage) : Outcome.ok(decision);
  }

  /** Evaluates a deployed decision and writes the DecisionEvaluation record. */
  public Evaluation evaluate(DecisionRecord decision, Map<String, Object> variables, ProcessContext context) {
    DecisionOutcome outcome = engine.evaluate(
        loader.load(state.decisions().requirements(decision.decisionRequirementsKey())), decision.decisionId(),
        variables);
    DecisionEvaluationRecord record = outcome instanceof DecisionOutcome.Failed failed
        ? record(decision, null, outcome, String.format(EVALUATION_FAILED, decision.decisionId(), failed.message()),
            failed.failedDecisionId(), context)
        : record(decision, ((DecisionOutcome.Evaluated) outcome).output(), outcome, null, null, context);
    long key = state.keys().next();
    writer.event(key, record.evaluationFailureMessage() == null ? DecisionEvaluationIntent.EVALUATED
        : DecisionEvaluationIntent.FAILED, record);
    return new Evaluation(key, record);
  }

  private static DecisionEvaluationRecord record(DecisionRecord decision, String output, DecisionOutcome outcome,
      String failureMessage, String failedDecisionId, ProcessContext context) {
    return new DecisionEvaluationRecord(decision.decisionKey(), decision.decisionId(), decision.decisionName(),
        decision.version(), decision.decisionRequirementsId(), decision.decisionRequirementsKey(), output,
        outcome.evaluatedDecisions(), failureMessage, failedDecisionId, context, decision.tenantId());
  }
}
