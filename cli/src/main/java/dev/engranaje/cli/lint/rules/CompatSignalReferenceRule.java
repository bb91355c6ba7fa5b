package dev.engranaje.cli.lint.rules;

import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** camunda-compat signal-reference: a signal event references a signal with a name. */
public final class CompatSignalReferenceRule extends ReferenceRule {
  public CompatSignalReferenceRule() {
    super("camunda-compat/signal-reference", "Signal events reference a signal with a name.",
        SignalEventDefinition.class, "signalRef", "a signal", "name");
  }

  @Override
  boolean mayOmitReference(ModelElementInstance event) {
    return false;
  }
}
