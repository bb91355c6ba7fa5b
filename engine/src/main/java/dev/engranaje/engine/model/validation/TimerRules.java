package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Timer event definitions (spec 1.2 "Interrupting rules" and "Expressions", spec 7.1). FEEL timer
 * values are checked by {@link ExpressionRules}; this class checks the static ones.
 */
final class TimerRules implements ModelRule {

  static final String DEFINITION_COUNT =
      "Expected timer event '%s' to define exactly one of 'timeDate', 'timeDuration' or"
          + " 'timeCycle', but found %s";
  static final String INTERRUPTING_CYCLE =
      "Expected interrupting timer boundary event '%s' to use 'timeDuration' or 'timeDate', but it"
          + " uses 'timeCycle'";
  static final String CATCH_CYCLE =
      "Expected timer intermediate catch event '%s' to use 'timeDuration' or 'timeDate', but it uses"
          + " 'timeCycle'";
  static final String INVALID_STATIC_TIMER =
      "Expected '%s' of timer event '%s' to be %s, but '%s' could not be parsed";

  static final String TIME_DATE = "timeDate";
  static final String TIME_DURATION = "timeDuration";
  static final String TIME_CYCLE = "timeCycle";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (FlowElement element : Elements.flowElements(model)) {
      for (EventDefinition definition : Elements.eventDefinitions(element)) {
        if (definition instanceof TimerEventDefinition timer) {
          checkTimer(element, timer, findings);
        }
      }
    }
  }

  private static void checkTimer(FlowElement event, TimerEventDefinition timer, Findings findings) {
    String id = Elements.id(event);
    List<String> present = new ArrayList<>();
    checkValue(id, TIME_DATE, timer.getTimeDate(), present, findings,
        TimerExpressions::isDate, "an ISO-8601 date-time with offset such as '2025-01-01T10:00:00Z'");
    checkValue(id, TIME_DURATION, timer.getTimeDuration(), present, findings,
        TimerExpressions::isDuration, "an ISO-8601 duration such as 'PT15S'");
    checkValue(id, TIME_CYCLE, timer.getTimeCycle(), present, findings,
        TimerExpressions::isCycle, "an ISO-8601 repeating interval such as 'R5/PT10S' or a cron"
            + " expression");
    if (present.size() != 1) {
      String found = present.isEmpty() ? "none" : "'" + String.join("' and '", present) + "'";
      findings.add(id, DEFINITION_COUNT, id, found);
    }
    if (event instanceof BoundaryEvent boundary
        && boundary.cancelActivity()
        && timer.getTimeCycle() != null) {
      findings.add(id, INTERRUPTING_CYCLE, id);
    }
    if (event instanceof IntermediateCatchEvent && timer.getTimeCycle() != null) {
      findings.add(id, CATCH_CYCLE, id);
    }
  }

  private static void checkValue(
      String id,
      String attribute,
      ModelElementInstance value,
      List<String> present,
      Findings findings,
      Predicate<String> parses,
      String expected) {
    if (value == null) {
      return;
    }
    present.add(attribute);
    String text = Elements.trimmedText(value);
    if (text == null || FeelExpressions.isExpression(text)) {
      return;
    }
    if (!parses.test(text)) {
      findings.add(id, INVALID_STATIC_TIMER, attribute, id, expected, text);
    }
  }
}
