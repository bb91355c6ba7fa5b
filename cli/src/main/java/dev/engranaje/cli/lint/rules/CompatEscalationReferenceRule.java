package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** camunda-compat escalation-reference: a thrown escalation names one with a code; a catching one may catch all. */
public final class CompatEscalationReferenceRule extends ReferenceRule {
  public CompatEscalationReferenceRule() {
    super("camunda-compat/escalation-reference",
        "Escalation events reference an escalation with an escalationCode (catch events may catch all).",
        EscalationEventDefinition.class, "escalationRef", "an escalation", "escalationCode");
  }

  @Override
  boolean mayOmitReference(ModelElementInstance event) {
    return event instanceof CatchEvent;
  }
}
