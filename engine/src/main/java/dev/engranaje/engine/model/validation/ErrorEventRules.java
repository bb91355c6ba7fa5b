package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Error throw and catch events (spec 1.2 "Interrupting rules" and "Error/escalation catches",
 * spec 7.5).
 */
final class ErrorEventRules implements ModelRule {

  static final String NON_INTERRUPTING_ERROR =
      "Expected error boundary event '%s' to be interrupting, but it has cancelActivity='false'";
  static final String DUPLICATE_ERROR_CODE =
      "Expected unique error codes among the error boundary events of activity '%s', but '%s' is"
          + " caught by both '%s' and '%s'";
  static final String SEVERAL_CATCH_ALL =
      "Expected at most one catch-all error boundary event on activity '%s', but both '%s' and '%s'"
          + " catch all errors";
  static final String EXPRESSION_ON_CATCH =
      "Expected a static error code on error catch event '%s', but error '%s' has the expression"
          + " '%s'";
  static final String MISSING_ERROR_REF =
      "Expected error end event '%s' to reference a 'bpmn:error' with 'errorRef', but none was set";
  static final String ERROR_NOT_FOUND =
      "Expected 'errorRef' of '%s' to reference a 'bpmn:error', but '%s' was not found";
  static final String EMPTY_ERROR_CODE =
      "Expected error '%s' thrown by '%s' to have a non-empty 'errorCode', but it was empty";

  static final String ERROR_REF = "errorRef";
  private static final String ERROR_CODE = "errorCode";
  private static final String CATCH_ALL = "";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<String, Map<String, String>> catchersByActivity = new LinkedHashMap<>();
    for (BoundaryEvent event : Elements.flowElements(model, BoundaryEvent.class)) {
      ErrorEventDefinition definition = onlyErrorDefinition(event.getEventDefinitions());
      if (definition != null) {
        checkCatch(model, event, definition, catchersByActivity, findings);
      }
    }
    for (EndEvent event : Elements.flowElements(model, EndEvent.class)) {
      ErrorEventDefinition definition = onlyErrorDefinition(event.getEventDefinitions());
      if (definition != null) {
        checkThrow(model, event, definition, findings);
      }
    }
  }

  private static void checkCatch(
      BpmnModelInstance model,
      BoundaryEvent event,
      ErrorEventDefinition definition,
      Map<String, Map<String, String>> catchersByActivity,
      Findings findings) {
    String id = Elements.id(event);
    if (!event.cancelActivity()) {
      findings.add(id, NON_INTERRUPTING_ERROR, id);
    }
    String code = CATCH_ALL;
    String errorRef = definition.getAttributeValue(ERROR_REF);
    if (!Elements.isBlank(errorRef)) {
      ModelElementInstance error = model.getModelElementById(errorRef);
      if (!(error instanceof Error)) {
        findings.add(id, ERROR_NOT_FOUND, id, errorRef);
        return;
      }
      String errorCode = error.getAttributeValue(ERROR_CODE);
      if (FeelExpressions.isExpression(errorCode)) {
        findings.add(id, EXPRESSION_ON_CATCH, id, errorRef, errorCode);
        return;
      }
      code = errorCode == null ? CATCH_ALL : errorCode;
    }
    String activity = event.getAttributeValue(BoundaryEventRules.ATTACHED_TO_REF);
    if (activity == null) {
      return; // reported by BoundaryEventRules
    }
    Map<String, String> catchers =
        catchersByActivity.computeIfAbsent(activity, a -> new LinkedHashMap<>());
    String previous = catchers.putIfAbsent(code, id);
    if (previous != null && code.isEmpty()) {
      findings.add(id, SEVERAL_CATCH_ALL, activity, previous, id);
    } else if (previous != null) {
      findings.add(id, DUPLICATE_ERROR_CODE, activity, code, previous, id);
    }
  }

  private static void checkThrow(
      BpmnModelInstance model, EndEvent event, ErrorEventDefinition definition, Findings findings) {
    String id = Elements.id(event);
    String errorRef = definition.getAttributeValue(ERROR_REF);
    if (Elements.isBlank(errorRef)) {
      findings.add(id, MISSING_ERROR_REF, id);
      return;
    }
    ModelElementInstance error = model.getModelElementById(errorRef);
    if (!(error instanceof Error)) {
      findings.add(id, ERROR_NOT_FOUND, id, errorRef);
      return;
    }
    String code = error.getAttributeValue(ERROR_CODE);
    if (Elements.isBlank(code)) {
      findings.add(id, EMPTY_ERROR_CODE, errorRef, id);
    }
  }

  private static ErrorEventDefinition onlyErrorDefinition(
      Collection<EventDefinition> definitions) {
    List<EventDefinition> list = List.copyOf(definitions);
    return list.size() == 1 && list.get(0) instanceof ErrorEventDefinition error ? error : null;
  }
}
