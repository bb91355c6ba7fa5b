package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** camunda-compat message-reference: a message catch event references a message with a name. */
public final class CompatMessageReferenceRule extends ReferenceRule {
  public CompatMessageReferenceRule() {
    super("camunda-compat/message-reference", "Message catch events reference a message with a name.",
        MessageEventDefinition.class, "messageRef", "a message", "name");
  }

  @Override
  boolean mayOmitReference(ModelElementInstance event) {
    return event instanceof ThrowEvent;
  }
}
