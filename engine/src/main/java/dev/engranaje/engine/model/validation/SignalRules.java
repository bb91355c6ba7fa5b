package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.util.HashMap;
import java.util.Map;
import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import java.time.Clock;

/**
 * Signal events (spec §1.2): each references a signal with a non-empty name whose FEEL parses; a
 * process start event's name must evaluate to a non-empty string without variables (it is
 * subscribed at deploy). An event subprocess's start subscribes when its scope activates, so its
 * name may use variables like a catch event's.
 */
final class SignalRules implements ModelRule {
  static final String MISSING_NAME = "Expected signal event '%s' to reference a signal with a non-empty name,"
      + " but none was found";
  static final String START_NAME_NOT_STATIC = "Expected the signal name of start event '%s' to evaluate to a"
      + " non-empty string without variables, but it did not";

  static final String DUPLICATE_BOUNDARY_SIGNAL = "Expected unique signal names among the boundary events of"
      + " activity '%s', but '%s' is caught by both '%s' and '%s'";
  static final String DUPLICATE_START_SIGNAL = "Expected unique signal names among the start events of process"
      + " '%s', but '%s' starts both '%s' and '%s'";

  /** Budgeted: a start event's name is evaluated at deploy time, on the deploying thread. */
  private static final ExpressionLanguage ENGINE = new ExpressionLanguage(Clock.systemUTC());

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<String, String> seen = new HashMap<>();
    for (FlowElement element : Elements.flowElements(model)) {
      for (EventDefinition definition : Elements.eventDefinitions(element)) {
        if (definition instanceof SignalEventDefinition signalDefinition) {
          check(element, signalDefinition.getSignal(), findings);
          checkUnique(element, signalDefinition.getSignal(), seen, findings);
        }
      }
    }
  }

  private static void checkUnique(FlowElement element, Signal signal, Map<String, String> seen, Findings findings) {
    String name = signal == null ? null : signal.getName();
    if (Elements.isBlank(name)) {
      return;
    }
    String id = Elements.id(element);
    if (element instanceof BoundaryEvent boundary) {
      String activity = boundary.getAttributeValue(BoundaryEventRules.ATTACHED_TO_REF);
      String previous = seen.putIfAbsent("boundary\u0000" + activity + '\u0000' + name, id);
      if (previous != null) {
        findings.add(id, DUPLICATE_BOUNDARY_SIGNAL, activity, name, previous, id);
      }
    } else if (element instanceof StartEvent && element.getParentElement() instanceof Process process) {
      String previous = seen.putIfAbsent("start\u0000" + process.getId() + '\u0000' + name, id);
      if (previous != null) {
        findings.add(id, DUPLICATE_START_SIGNAL, process.getId(), name, previous, id);
      }
    }
  }

  private static void check(FlowElement element, Signal signal, Findings findings) {
    String id = Elements.id(element);
    String name = signal == null ? null : signal.getName();
    if (Elements.isBlank(name)) {
      findings.add(id, MISSING_NAME, id);
      return;
    }
    if (!FeelExpressions.isExpression(name)) {
      return;
    }
    var parseError = FeelExpressions.parseError(name);
    if (parseError.isPresent()) {
      findings.add(id, ExpressionRules.INVALID_FEEL, "'name' of signal '" + Elements.id(signal) + "'",
          parseError.get());
      return;
    }
    if (element instanceof StartEvent && element.getParentElement() instanceof Process && !isStaticString(name)) {
      findings.add(id, START_NAME_NOT_STATIC, id);
    }
  }

  private static boolean isStaticString(String expression) {
    try {
      EvaluationResult result = ENGINE.evaluate(ENGINE.parse(expression), Map.of());
      return result instanceof EvaluationResult.Success success && success.warnings() == null
          && success.value() instanceof String text && !text.isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
