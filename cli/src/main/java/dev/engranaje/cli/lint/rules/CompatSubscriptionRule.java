package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * camunda-compat subscription: a message caught inside a running instance (intermediate, boundary,
 * event-subprocess start, receive task) has a correlation key; a process's message start event needs none.
 */
public final class CompatSubscriptionRule extends BaseRule {
  static final String MESSAGE = "Expected message '%s' caught by '%s' to have a correlation key (zeebe:subscription"
      + " correlationKey), but it has none";

  public CompatSubscriptionRule() {
    super("camunda-compat/subscription", Severity.ERROR,
        "Messages caught inside an instance have a correlation key.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (MessageEventDefinition definition : model.model().getModelElementsByType(MessageEventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      boolean processStart = event instanceof StartEvent && event.getParentElement() instanceof Process;
      if (event instanceof CatchEvent && !processStart) {
        checkMessage(model, definition.getAttributeValue("messageRef"), ModelElements.owningId(definition), report);
      }
    }
    for (ReceiveTask task : ModelElements.flowElements(model.model(), ReceiveTask.class)) {
      checkMessage(model, task.getAttributeValue("messageRef"), task.getId(), report);
    }
  }

  private static void checkMessage(LintedModel model, String messageId, String elementId, LintReport report) {
    if (ModelElements.isBlank(messageId) || !(model.model().getModelElementById(messageId) instanceof Message message)) {
      return; // message-reference reports it
    }
    ZeebeSubscription subscription = ModelElements.extension(message, ZeebeSubscription.class);
    if (subscription == null || ModelElements.isBlank(subscription.getCorrelationKey())) {
      report.add(elementId, MESSAGE, messageId, elementId);
    }
  }
}
