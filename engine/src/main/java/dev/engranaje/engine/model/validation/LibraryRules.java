package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Runs the design-time validators shipped with {@code zeebe-bpmn-model} and turns their errors into
 * findings on the nearest element with an id. Warnings are not reported.
 */
final class LibraryRules implements ModelRule {

  static final String LIBRARY_ERROR =
      "Expected the model to satisfy Zeebe's design-time rules, but '%s': %s";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<ModelElementInstance, List<ValidationResult>> results =
        model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults();
    results.forEach(
        (element, list) ->
            list.stream()
                .filter(result -> result.getType() == ValidationResultType.ERROR)
                .forEach(
                    result ->
                        findings.add(
                            Elements.owningId(element),
                            LIBRARY_ERROR,
                            Elements.typeName(element),
                            result.getMessage())));
  }
}
