package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** camunda-compat error-reference: a thrown error names an error with a code; a catching one may catch all. */
public final class CompatErrorReferenceRule extends ReferenceRule {
  public CompatErrorReferenceRule() {
    super("camunda-compat/error-reference", "Error events reference an error with an errorCode (catch events may catch all).",
        ErrorEventDefinition.class, "errorRef", "an error", "errorCode");
  }

  @Override
  boolean mayOmitReference(ModelElementInstance event) {
    return event instanceof BoundaryEvent || event instanceof StartEvent;
  }
}
