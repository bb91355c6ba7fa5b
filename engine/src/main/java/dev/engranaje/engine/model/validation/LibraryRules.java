package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ActivityValidator;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ModelElementValidator;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Runs the design-time validators shipped with {@code zeebe-bpmn-model} and turns their errors into
 * findings on the nearest element with an id. Warnings are not reported.
 *
 * <p>The library's {@code ActivityValidator} is quadratic in the number of elements of a scope; it is
 * replaced by {@link LinearActivityValidator}, which runs the same checks in linear time.
 */
final class LibraryRules implements ModelRule {

  static final String LIBRARY_ERROR =
      "Expected the model to satisfy Zeebe's design-time rules, but '%s': %s";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<ModelElementInstance, List<ValidationResult>> results =
        model.validate(validators(model)).getResults();
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

  private static Collection<ModelElementValidator<?>> validators(BpmnModelInstance model) {
    List<ModelElementValidator<?>> validators = new ArrayList<>();
    for (ModelElementValidator<?> validator : ZeebeDesignTimeValidators.VALIDATORS) {
      if (!(validator instanceof ActivityValidator)) {
        validators.add(validator);
      }
    }
    validators.add(new LinearActivityValidator(model));
    return validators;
  }
}
