package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.Expression;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.LoopCharacteristics;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.VariableState.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A multi-instance body (spec §9): it runs its inner activity once per item of the input
 * collection, in parallel or one at a time, gathers the output elements in order and completes
 * when every inner instance has completed or the completion condition holds. Boundary events
 * attach to the body. Its counters are derived from the inner instances' records, so they are
 * rebuilt on replay; the output collection is a body local. Runs on the processor thread.
 */
public final class MultiInstanceBodyProcessor implements ElementProcessor {
  static final String NOT_AN_ARRAY = "Expected result of the expression '%s' to be 'ARRAY', but was '%s'.";
  static final String COLLECTION_SHRANK =
      "Expected the input collection '%s' to have at least %d items, but it has %d. Restore the items and resolve the incident.";
  static final String NOT_A_BOOLEAN = "Expected result of the expression '%s' to be 'BOOLEAN', but was '%s'.";

  /** An output element that is a plain variable or path: its root is pre-created as a local null. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private final EngineState state;
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final SubscriptionBehavior subscriptions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final ExpressionLanguage expressions;

  /** Everything a {@link MultiInstanceBodyProcessor} uses. */
  public record Dependencies(EngineState state, StateTransitionBehavior transitions, ActivityBehavior activities,
      SubscriptionBehavior subscriptions, VariableBehavior variables, IncidentBehavior incidents,
      ExpressionLanguage expressions) {}

  public MultiInstanceBodyProcessor(Dependencies d) {
    this.state = d.state();
    this.transitions = d.transitions();
    this.activities = d.activities();
    this.subscriptions = d.subscriptions();
    this.variables = d.variables();
    this.incidents = d.incidents();
    this.expressions = d.expressions();
  }

  @Override
  public void onActivate(ElementInstance body, ExecutableElement element) {
    LoopCharacteristics loop = element.loop();
    Outcome<List<Object>> items = readCollection(body, loop);
    if (items.isFailure()) {
      incidents.raise(body, items.failure(), -1);
      return;
    }
    List<ProcessMessageSubscriptionRecord> messageBoundaries = subscriptions.prepareOrRaise(body, element);
    if (messageBoundaries == null || !activities.armBoundaryTimers(body, element)) {
      return;
    }
    subscriptions.open(messageBoundaries);
    int count = items.value().size();
    if (loop.outputCollection() != null) {
      variables.setLocal(body.key(), loop.outputCollection(), JsonDocuments.write(Collections.nCopies(count, null)));
    }
    transitions.toActivated(body);
    if (count == 0) {
      transitions.complete(body, Map.of(), null);
      return;
    }
    int parallel = loop.sequential() ? 1 : count;
    for (int index = 1; index <= parallel; index++) {
      activateInner(body, element, index, items.value().get(index - 1));
    }
    subscriptions.correlateBuffered(body);
  }

  /**
   * Before an inner instance completes: stores its output element at its loop counter, evaluates
   * the completion condition and, for a sequential body, reads the next item. Any failure becomes
   * an incident on the inner instance, which stays COMPLETING until it is resolved.
   */
  @Override
  public Outcome<Runnable> onChildCompleting(ElementInstance body, ExecutableElement element, ElementInstance child) {
    LoopCharacteristics loop = element.loop();
    Outcome<Void> stored = storeOutputElement(body, loop, child);
    if (stored.isFailure()) {
      return Outcome.failed(stored.failure());
    }
    Outcome<Boolean> done = completionConditionHolds(body, loop, child);
    if (done.isFailure()) {
      return Outcome.failed(done.failure());
    }
    if (done.value()) {
      return Outcome.ok(() -> terminateRemaining(body.key()));
    }
    int next = body.activatedChildren() + 1;
    if (!loop.sequential()) {
      return Outcome.ok(() -> {});
    }
    Outcome<List<Object>> items = readCollection(body, loop);
    if (items.isFailure()) {
      return Outcome.failed(items.failure());
    }
    int count = items.value().size();
    if (count < body.activatedChildren()) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
          String.format(COLLECTION_SHRANK, loop.inputCollection().text(), body.activatedChildren(), count));
    }
    if (next > count) {
      return Outcome.ok(() -> {});
    }
    Object item = items.value().get(next - 1);
    return Outcome.ok(() -> {
      ElementInstance stillActive = state.elementInstances().get(body.key());
      if (stillActive != null && stillActive.state() == ElementState.ACTIVATED) {
        activateInner(stillActive, element, next, item);
      }
    });
  }

  /** Only the output collection leaves the body, propagated from its flow scope. */
  @Override
  public Outcome<Void> onComplete(ElementInstance body, ExecutableElement element, Map<String, String> payload) {
    String name = element.loop().outputCollection();
    Variable collection = name == null ? null : state.variables().get(body.key(), name);
    if (collection != null) {
      variables.propagate(body.flowScopeKey(), Map.of(name, collection.json()));
    }
    return Outcome.ok(null);
  }

  @Override
  public void onTerminate(ElementInstance body, ExecutableElement element) {
    activities.leave(body);
  }

  private void activateInner(ElementInstance body, ExecutableElement element, int loopCounter, Object item) {
    LoopCharacteristics loop = element.loop();
    ElementInstance inner = transitions.activate(element.innerActivity(), body);
    if (loop.inputElement() != null) {
      variables.setLocal(inner.key(), loop.inputElement(), JsonDocuments.write(item));
    }
    variables.setLocal(inner.key(), LoopCharacteristics.LOOP_COUNTER, String.valueOf(loopCounter));
    String outputName = preCreatedOutputName(loop);
    if (outputName != null) {
      variables.setLocal(inner.key(), outputName, "null");
    }
  }

  /** The root name of a plain output element, unless it is the input element or the loop counter. */
  private static String preCreatedOutputName(LoopCharacteristics loop) {
    Expression output = loop.outputElement();
    if (output == null || !PLAIN_PATH.matcher(output.text()).matches()) {
      return null;
    }
    String root = output.text().split("\\.")[0];
    boolean reserved = root.equals(loop.inputElement()) || root.equals(LoopCharacteristics.LOOP_COUNTER);
    return reserved ? null : root;
  }

  private Outcome<List<Object>> readCollection(ElementInstance body, LoopCharacteristics loop) {
    EvaluationResult result = expressions.evaluate(loop.inputCollection(), variables.visibleValues(body.key()));
    if (result instanceof EvaluationResult.Failure failure) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
    }
    Object value = ((EvaluationResult.Success) result).value();
    if (!(value instanceof List<?> list)) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
          String.format(NOT_AN_ARRAY, loop.inputCollection().text(), typeName(value)));
    }
    return Outcome.ok(new ArrayList<>(list));
  }

  @SuppressWarnings("unchecked")
  private Outcome<Void> storeOutputElement(ElementInstance body, LoopCharacteristics loop, ElementInstance child) {
    Variable collection = loop.outputCollection() == null ? null : state.variables().get(body.key(), loop.outputCollection());
    if (collection == null) {
      return Outcome.ok(null);
    }
    Object value = null;
    if (loop.outputElement() != null) {
      EvaluationResult result = expressions.evaluate(loop.outputElement(), variables.visibleValues(child.key()));
      if (result instanceof EvaluationResult.Failure failure) {
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
      }
      value = ((EvaluationResult.Success) result).value();
    }
    List<Object> results = new ArrayList<>((List<Object>) JsonDocuments.parse(collection.json()));
    int index = loopCounter(child) - 1;
    if (index >= 0 && index < results.size()) {
      results.set(index, value);
      variables.setLocal(body.key(), loop.outputCollection(), JsonDocuments.write(results));
    }
    return Outcome.ok(null);
  }

  private int loopCounter(ElementInstance child) {
    Variable counter = state.variables().get(child.key(), LoopCharacteristics.LOOP_COUNTER);
    return counter == null ? -1 : Integer.parseInt(counter.json());
  }

  /** Evaluated in the completing instance's scope with the virtual counters; the current instance counts as completed. */
  private Outcome<Boolean> completionConditionHolds(ElementInstance body, LoopCharacteristics loop, ElementInstance child) {
    if (loop.completionCondition() == null) {
      return Outcome.ok(false);
    }
    Map<String, Object> context = variables.visibleValues(child.key());
    Outcome<List<Object>> items = readCollection(body, loop);
    context.put("numberOfInstances", (long) (items.isFailure() ? body.activatedChildren() : items.value().size()));
    context.put("numberOfActiveInstances", (long) body.activeChildren() - 1);
    context.put("numberOfCompletedInstances", (long) body.completedChildren() + 1);
    context.put("numberOfTerminatedInstances", (long) body.terminatedChildren());
    EvaluationResult result = expressions.evaluate(loop.completionCondition(), context);
    if (result instanceof EvaluationResult.Failure failure) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, failure.message());
    }
    Object value = ((EvaluationResult.Success) result).value();
    if (!(value instanceof Boolean holds)) {
      return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR,
          String.format(NOT_A_BOOLEAN, loop.completionCondition().text(), typeName(value)));
    }
    return Outcome.ok(holds);
  }

  /** The completion condition holds: the other inner instances are terminated; the last one lets the body complete. */
  private void terminateRemaining(long bodyKey) {
    for (ElementInstance child : state.elementInstances().children(bodyKey)) {
      ElementInstance stillThere = state.elementInstances().get(child.key());
      if (stillThere != null) {
        transitions.terminate(stillThere);
      }
    }
  }

  private static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String) {
      return "STRING";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof Number) {
      return "NUMBER";
    }
    return value instanceof Map<?, ?> ? "OBJECT" : "ARRAY";
  }
}
