package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Every FEEL expression must parse (spec 1.2 "Expressions", spec 2), and mapping targets must be
 * variable names or dotted paths (spec 3.3).
 */
final class ExpressionRules implements ModelRule {

  static final String INVALID_FEEL = "Expected a valid FEEL expression in %s, but %s";
  static final String CONDITION_NOT_FEEL =
      "Expected the 'conditionExpression' of sequence flow '%s' to be a FEEL expression starting"
          + " with '=', but it was '%s'";
  static final String OUTPUT_SOURCE_NOT_FEEL =
      "Expected the 'source' of 'zeebe:output' with target '%s' to be a FEEL expression starting"
          + " with '=', but it was '%s'";
  static final String INVALID_TARGET =
      "Expected the 'target' of '%s' to be a variable name or a dotted path such as"
          + " 'order.total', but it was '%s'";

  private static final Pattern TARGET_PATH =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (FlowElement element : Elements.flowElements(model)) {
      String id = Elements.id(element);
      if (element instanceof SequenceFlow flow) {
        checkCondition(flow, findings);
      }
      ZeebeTaskDefinition task = Elements.firstExtension(element, ZeebeTaskDefinition.class);
      if (task != null) {
        checkFeel(id, "'type' of 'zeebe:taskDefinition'", task.getType(), findings);
        checkFeel(
            id, "'retries' of 'zeebe:taskDefinition'", task.getAttributeValue("retries"), findings);
      }
      ZeebeIoMapping mapping = Elements.firstExtension(element, ZeebeIoMapping.class);
      if (mapping != null) {
        mapping.getInputs().forEach(input -> checkMapping(id, input, "zeebe:input", findings));
        mapping.getOutputs().forEach(output -> checkMapping(id, output, "zeebe:output", findings));
      }
      if (element instanceof Activity activity
          && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
        checkLoop(id, loop, findings);
      }
      for (EventDefinition definition : Elements.eventDefinitions(element)) {
        checkEventDefinition(model, element, definition, findings);
      }
    }
  }

  /** The loop's input collection and output element are FEEL even without a leading '='. */
  private static void checkLoop(String id, MultiInstanceLoopCharacteristics loop, Findings findings) {
    ZeebeLoopCharacteristics zeebe = Elements.firstExtension(loop, ZeebeLoopCharacteristics.class);
    if (zeebe != null) {
      checkFeel(id, "'inputCollection' of 'zeebe:loopCharacteristics'", asFeel(zeebe.getInputCollection()), findings);
      checkFeel(id, "'outputElement' of 'zeebe:loopCharacteristics'", asFeel(zeebe.getOutputElement()), findings);
    }
    if (loop.getCompletionCondition() != null) {
      checkFeel(id, "'completionCondition'", asFeel(Elements.trimmedText(loop.getCompletionCondition())), findings);
    }
  }

  private static String asFeel(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    return trimmed.startsWith("=") ? trimmed : "=" + trimmed;
  }

  private static void checkCondition(SequenceFlow flow, Findings findings) {
    ConditionExpression condition = flow.getConditionExpression();
    if (condition == null) {
      return;
    }
    String id = Elements.id(flow);
    String text = Elements.trimmedText(condition);
    if (!FeelExpressions.isExpression(text)) {
      findings.add(id, CONDITION_NOT_FEEL, id, text == null ? "" : text);
    } else {
      checkFeel(id, "'conditionExpression'", text, findings);
    }
  }

  private static void checkMapping(
      String id, ZeebeMapping mapping, String kind, Findings findings) {
    String target = mapping.getTarget();
    String source = mapping.getSource();
    if (mapping instanceof ZeebeOutput && !FeelExpressions.isExpression(source)) {
      findings.add(id, OUTPUT_SOURCE_NOT_FEEL, target, source == null ? "" : source);
    } else {
      checkFeel(id, "'source' of '" + kind + "' with target '" + target + "'", source, findings);
    }
    if (target == null || !TARGET_PATH.matcher(target).matches()) {
      findings.add(id, INVALID_TARGET, kind, target == null ? "" : target);
    }
  }

  private static void checkEventDefinition(
      BpmnModelInstance model,
      FlowElement element,
      EventDefinition definition,
      Findings findings) {
    String id = Elements.id(element);
    if (definition instanceof TimerEventDefinition timer) {
      checkFeel(id, quoted(TimerRules.TIME_DATE), Elements.trimmedText(timer.getTimeDate()), findings);
      checkFeel(
          id, quoted(TimerRules.TIME_DURATION), Elements.trimmedText(timer.getTimeDuration()), findings);
      checkFeel(id, quoted(TimerRules.TIME_CYCLE), Elements.trimmedText(timer.getTimeCycle()), findings);
    }
    if (element instanceof EndEvent && definition instanceof ErrorEventDefinition) {
      String errorRef = definition.getAttributeValue(ErrorEventRules.ERROR_REF);
      ModelElementInstance error = errorRef == null ? null : model.getModelElementById(errorRef);
      if (error != null) {
        String code = error.getAttributeValue("errorCode");
        checkFeel(id, "'errorCode' of error '" + errorRef + "'", code, findings);
      }
    }
  }

  private static void checkFeel(String id, String where, String value, Findings findings) {
    if (FeelExpressions.isExpression(value)) {
      FeelExpressions.parseError(value)
          .ifPresent(error -> findings.add(id, INVALID_FEEL, where, error));
    }
  }

  private static String quoted(String attribute) {
    return "'" + attribute + "'";
  }
}
