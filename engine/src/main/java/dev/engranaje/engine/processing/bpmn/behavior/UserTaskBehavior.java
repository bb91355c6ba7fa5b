package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.LinkedForm;
import dev.engranaje.engine.model.UserTaskDefinition;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.FormRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates user task properties (spec §5) and creates and cancels Camunda user tasks. A property
 * of the wrong type is an EXTRACT_VALUE_ERROR. A linked form ({@code formId}) is resolved by its
 * binding when the task activates and its key becomes the task's form key; when no deployed form
 * matches, the task raises FORM_NOT_FOUND, which a deployment of the form and a resolve fix.
 */
public final class UserTaskBehavior {
  static final String FORM_NOT_FOUND = "Expected to find a form with id '%s', but no form with this id is deployed;"
      + " deploy it and resolve the incident";
  static final String FORM_NOT_IN_DEPLOYMENT = "Expected to find a form with id '%s' deployed together with"
      + " process '%s' (bindingType 'deployment'), but that deployment contains no form with this id";
  static final String FORM_WITHOUT_VERSION_TAG = "Expected to find a form with id '%s' and version tag '%s', but no"
      + " version of it has this tag";

  private final EngineState state;
  private final RecordWriter writer;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final Clock clock;

  public UserTaskBehavior(EngineState state, RecordWriter writer, ExpressionLanguage expressions,
      VariableBehavior variables, Clock clock) {
    this.state = state;
    this.writer = writer;
    this.expressions = expressions;
    this.variables = variables;
    this.clock = clock;
  }

  /** Evaluates the task's properties in its scope. */
  public Outcome<UserTaskProperties> evaluate(ElementInstance instance, ExecutableElement element) {
    UserTaskDefinition definition = element.userTask();
    Evaluator evaluator = new Evaluator(instance.key());
    try {
      return Outcome.ok(new UserTaskProperties(
          evaluator.string(definition.assignee(), "assignee"),
          evaluator.list(definition.candidateGroups(), "candidateGroups"),
          evaluator.list(definition.candidateUsers(), "candidateUsers"),
          evaluator.date(definition.dueDate(), "dueDate"),
          evaluator.date(definition.followUpDate(), "followUpDate"),
          definition.form() == null ? definition.formKey() : Long.toString(linkedForm(instance, definition.form())),
          evaluator.string(definition.externalReference(), "externalReference"),
          evaluator.priority(definition.priority())));
    } catch (PropertyFailure failure) {
      return Outcome.failed(failure.failure);
    }
  }

  /** The key of the form version the task's binding selects; throws FORM_NOT_FOUND when there is none. */
  private long linkedForm(ElementInstance instance, LinkedForm form) {
    ProcessInstanceRecord value = instance.value();
    FormRecord found = switch (form.binding()) {
      case LATEST -> state.forms().latest(form.formId());
      case DEPLOYMENT -> state.forms().inDeployment(
          state.processes().deploymentKeyOf(value.processDefinitionKey()), form.formId());
      case VERSION_TAG -> state.forms().withVersionTag(form.formId(), form.versionTag());
    };
    if (found != null) {
      return found.formKey();
    }
    String message = switch (form.binding()) {
      case LATEST -> FORM_NOT_FOUND.formatted(form.formId());
      case DEPLOYMENT -> FORM_NOT_IN_DEPLOYMENT.formatted(form.formId(), value.bpmnProcessId());
      case VERSION_TAG -> FORM_WITHOUT_VERSION_TAG.formatted(form.formId(), form.versionTag());
    };
    throw new PropertyFailure(new Failure(ErrorType.FORM_NOT_FOUND, message));
  }

  /** Writes CREATING and returns the new task; {@link #created} follows once the element is activated. */
  public UserTaskRecord creating(ElementInstance instance, UserTaskProperties p) {
    ProcessInstanceRecord value = instance.value();
    long key = state.keys().next();
    UserTaskRecord task = new UserTaskRecord(key, instance.key(), value.processInstanceKey(), value.bpmnProcessId(),
        value.version(), value.processDefinitionKey(), value.elementId(), p.assignee(), p.candidateGroups(),
        p.candidateUsers(), p.dueDate(), p.followUpDate(), p.formKey(), p.externalFormReference(), p.priority(),
        clock.millis(), -1, UserTaskIntent.CREATING.name(), null, "", "", value.tenantId(), List.of());
    writer.event(key, UserTaskIntent.CREATING, task);
    return task;
  }

  public void created(UserTaskRecord task) {
    writer.event(task.userTaskKey(), UserTaskIntent.CREATED, task.withState(UserTaskIntent.CREATED.name(), ""));
  }

  /** Cancels the element instance's live task, if it has one. */
  public void cancel(ElementInstance instance) {
    UserTaskRecord task = state.userTasks().liveOf(instance.key());
    if (task == null) {
      return;
    }
    writer.event(task.userTaskKey(), UserTaskIntent.CANCELING, task.withState(UserTaskIntent.CANCELING.name(), ""));
    writer.event(task.userTaskKey(), UserTaskIntent.CANCELED, task.withState(UserTaskIntent.CANCELED.name(), ""));
  }

  /** Evaluates expressions lazily against one variable snapshot. */
  private final class Evaluator {
    private final long scopeKey;
    private Map<String, Object> context;

    Evaluator(long scopeKey) {
      this.scopeKey = scopeKey;
    }

    private Object value(Expression expression) {
      if (!expression.isFeel()) {
        return expression.staticValue();
      }
      context = context != null ? context : variables.visibleValues(scopeKey);
      EvaluationResult result = expressions.evaluate(expression, context);
      if (result instanceof EvaluationResult.Failure failure) {
        throw extractError(failure.message());
      }
      return ((EvaluationResult.Success) result).value();
    }

    String string(Expression expression, String property) {
      if (expression == null) {
        return null;
      }
      Object value = value(expression);
      if (value instanceof String text) {
        return text;
      }
      throw wrongType(expression, property, "a string", value);
    }

    /** A static value is a comma-separated list; FEEL must give a list of strings. */
    List<String> list(Expression expression, String property) {
      if (expression == null) {
        return List.of();
      }
      if (!expression.isFeel()) {
        return Arrays.stream(expression.staticValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      }
      Object value = value(expression);
      if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
        return new ArrayList<>(items.stream().map(String.class::cast).toList());
      }
      throw wrongType(expression, property, "a list of strings", value);
    }

    String date(Expression expression, String property) {
      String text = string(expression, property);
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        return ZonedDateTime.parse(text).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        throw wrongType(expression, property, "a date-time with an offset (ISO 8601)", text);
      }
    }

    int priority(Expression expression) {
      if (expression == null) {
        return UserTaskProperties.DEFAULT_PRIORITY;
      }
      Object value = value(expression);
      if (value instanceof String text && !expression.isFeel()) {
        try {
          value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
          throw wrongType(expression, "priority", "a number between 0 and 100", text);
        }
      }
      if (value instanceof Number number && number.doubleValue() == number.intValue()
          && number.intValue() >= 0 && number.intValue() <= 100) {
        return number.intValue();
      }
      throw wrongType(expression, "priority", "a number between 0 and 100", value);
    }
  }

  private static PropertyFailure wrongType(Expression expression, String property, String expected, Object actual) {
    String shown = actual == null ? "null" : actual.getClass().getSimpleName() + " '" + actual + "'";
    return extractError("Expected " + property + " expression '" + expression.text() + "' to evaluate to " + expected
        + ", but got " + shown);
  }

  private static PropertyFailure extractError(String message) {
    return new PropertyFailure(new Failure(ErrorType.EXTRACT_VALUE_ERROR, message));
  }

  /** Unwinds property evaluation on the first failure. */
  private static final class PropertyFailure extends RuntimeException {
    private final transient Failure failure;

    PropertyFailure(Failure failure) {
      super(failure.message(), null, false, false);
      this.failure = failure;
    }
  }
}
