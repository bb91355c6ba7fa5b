package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.Job;
import java.util.Map;
import java.util.function.Consumer;

/** Creates and cancels the jobs of job-based elements. */
public final class JobBehavior {
  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final Consumer<String> jobsAvailable;

  /**
   * @param jobsAvailable told the job type whenever a job of that type becomes activatable, so
   *     parked activation requests can be served
   */
  public JobBehavior(EngineState state, RecordWriter writer, ExpressionLanguage expressions, VariableBehavior variables,
      Consumer<String> jobsAvailable) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.variables = variables;
    this.jobsAvailable = jobsAvailable;
  }

  /** Evaluates the job type and retries in the element's scope; a failure is EXTRACT_VALUE_ERROR. */
  public Outcome<JobRecord> prepareJob(ElementInstance instance, ExecutableElement element) {
    Map<String, Object> context = null;
    Expression typeExpression = element.jobType();
    String type;
    if (typeExpression.isFeel()) {
      context = variables.visibleValues(instance.key());
      EvaluationResult result = expressions.evaluate(typeExpression, context);
      if (!(result instanceof EvaluationResult.Success success) || !(success.value() instanceof String value)) {
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, describe(typeExpression, "job type", "a string", result));
      }
      type = value;
    } else {
      type = typeExpression.staticValue();
    }
    Expression retriesExpression = element.jobRetries();
    int retries;
    if (retriesExpression.isFeel()) {
      context = context != null ? context : variables.visibleValues(instance.key());
      EvaluationResult result = expressions.evaluate(retriesExpression, context);
      if (!(result instanceof EvaluationResult.Success success) || !(success.value() instanceof Number number)) {
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, describe(retriesExpression, "job retries", "a number", result));
      }
      retries = number.intValue();
    } else {
      try {
        retries = Integer.parseInt(retriesExpression.staticValue().trim());
      } catch (NumberFormatException e) {
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
            "Expected job retries to be a number, but got '" + retriesExpression.staticValue() + "'");
      }
    }
    ProcessInstanceRecord value = instance.value();
    return Outcome.ok(new JobRecord(type, retries, element.taskHeaders(), value.processInstanceKey(), value.bpmnProcessId(),
        value.version(), value.processDefinitionKey(), value.elementId(), instance.key(), "", -1, "", "", 0, 0, null,
        value.tenantId()));
  }

  public void createJob(JobRecord job) {
    writer.event(state.keys().next(), JobIntent.CREATED, job);
    jobsAvailable.accept(job.type());
  }

  /** Cancels the element's job, if it has one. */
  public void cancelJob(ElementInstance instance) {
    if (instance.jobKey() <= 0) {
      return;
    }
    Job job = state.jobs().get(instance.jobKey());
    if (job != null) {
      writer.event(job.key(), JobIntent.CANCELED, job.record());
    }
  }

  private static String describe(Expression expression, String what, String expected, EvaluationResult result) {
    if (result instanceof EvaluationResult.Failure failure) {
      return failure.message();
    }
    EvaluationResult.Success success = (EvaluationResult.Success) result;
    String actual = success.value() == null ? "null" : success.value().getClass().getSimpleName() + " '" + success.value() + "'";
    String warnings = success.warnings() == null ? "" : " (" + success.warnings() + ")";
    return "Expected " + what + " expression '" + expression.text() + "' to evaluate to " + expected + ", but got " + actual + warnings;
  }
}
