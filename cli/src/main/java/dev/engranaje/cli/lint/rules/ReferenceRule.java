package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The shape of the camunda-compat *-reference rules: an event definition of a kind must reference a
 * root element (error, message, signal, escalation) that carries its identifying attribute.
 * References are read as attributes, so a dangling one is reported instead of failing.
 */
abstract class ReferenceRule extends BaseRule {
  static final String MISSING = "Expected %s '%s' to reference %s with %s, but it references none";
  static final String DANGLING = "Expected %s '%s' to reference %s with %s, but '%s' %s";

  private final Class<? extends EventDefinition> definitionType;
  private final String referenceAttribute;
  private final String target;
  private final String targetAttribute;

  ReferenceRule(String id, String summary, Class<? extends EventDefinition> definitionType, String referenceAttribute,
      String target, String targetAttribute) {
    super(id, Severity.ERROR, summary);
    this.definitionType = definitionType;
    this.referenceAttribute = referenceAttribute;
    this.target = target;
    this.targetAttribute = targetAttribute;
  }

  /** Whether an event definition without a reference is fine here (e.g. a catch-all error boundary). */
  abstract boolean mayOmitReference(ModelElementInstance event);

  @Override
  public final void check(LintedModel model, LintReport report) {
    for (EventDefinition definition : model.model().getModelElementsByType(definitionType)) {
      ModelElementInstance event = definition.getParentElement();
      String eventId = ModelElements.owningId(definition);
      String kind = event.getElementType().getTypeName();
      String ref = definition.getAttributeValue(referenceAttribute);
      if (ModelElements.isBlank(ref)) {
        if (!mayOmitReference(event)) {
          report.add(eventId, MISSING, kind, eventId, target, quoted());
        }
        continue;
      }
      ModelElementInstance referenced = model.model().getModelElementById(ref);
      if (referenced == null) {
        report.add(eventId, DANGLING, kind, eventId, target, quoted(), ref, "does not exist");
      } else if (ModelElements.isBlank(referenced.getAttributeValue(targetAttribute))) {
        report.add(eventId, DANGLING, kind, eventId, target, quoted(), ref, "has none");
      }
    }
  }

  private String quoted() {
    return "'" + targetAttribute + "'";
  }
}
