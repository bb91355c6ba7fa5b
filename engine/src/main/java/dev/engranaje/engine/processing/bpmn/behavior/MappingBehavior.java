package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.VariableMapping;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.state.ElementInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code zeebe:ioMapping} (spec §3.3). Entries are evaluated in XML order, each seeing the
 * targets of the entries before it. Inputs write locally and a nested target builds a new object;
 * outputs merge nested targets into the existing value and propagate from the flow scope.
 */
public final class MappingBehavior {
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;

  public MappingBehavior(ExpressionLanguage expressions, VariableBehavior variables) {
    this.expressions = expressions;
    this.variables = variables;
  }

  /** Evaluates and writes the input mappings on the element instance. */
  public Outcome<Void> applyInputs(ElementInstance instance, ExecutableElement element) {
    if (element.inputs().isEmpty()) {
      return Outcome.ok(null);
    }
    Outcome<Map<String, Object>> result = evaluate(instance, element.inputs(), false);
    if (result.isFailure()) {
      return Outcome.failed(result.failure());
    }
    variables.mergeLocal(instance.key(), toJson(result.value()));
    return Outcome.ok(null);
  }

  /** Evaluates the output mappings and propagates them from the element's flow scope. */
  public Outcome<Void> applyOutputs(ElementInstance instance, ExecutableElement element) {
    if (element.outputs().isEmpty()) {
      return Outcome.ok(null);
    }
    Outcome<Map<String, Object>> result = evaluate(instance, element.outputs(), true);
    if (result.isFailure()) {
      return Outcome.failed(result.failure());
    }
    long start = variables.outputStartScope(instance);
    variables.propagate(start, toJson(result.value()));
    return Outcome.ok(null);
  }

  private Outcome<Map<String, Object>> evaluate(ElementInstance instance, List<VariableMapping> mappings, boolean mergeNested) {
    Map<String, Object> context = variables.visibleValues(instance.key());
    Map<String, Object> results = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      EvaluationResult evaluation = expressions.evaluate(mapping.source(), context);
      if (evaluation instanceof EvaluationResult.Failure failure) {
        return Outcome.failed(ErrorType.IO_MAPPING_ERROR,
            "Failed to evaluate mapping '" + mapping.source() + "' -> '" + mapping.target() + "': " + failure.message());
      }
      Object value = ((EvaluationResult.Success) evaluation).value();
      String root = mapping.rootName();
      if (mapping.targetPath().size() == 1) {
        results.put(root, value);
      } else {
        Object base = results.containsKey(root) ? results.get(root) : mergeNested ? context.get(root) : null;
        results.put(root, withPath(base, mapping.targetPath().subList(1, mapping.targetPath().size()), value));
      }
      context.put(root, results.get(root));
    }
    return Outcome.ok(results);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withPath(Object base, List<String> path, Object value) {
    Map<String, Object> copy = base instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    String head = path.get(0);
    if (path.size() == 1) {
      copy.put(head, value);
    } else {
      copy.put(head, withPath(copy.get(head), path.subList(1, path.size()), value));
    }
    return copy;
  }

  private static Map<String, String> toJson(Map<String, Object> values) {
    Map<String, String> json = new LinkedHashMap<>();
    values.forEach((name, value) -> json.put(name, JsonDocuments.write(value)));
    return json;
  }
}
