package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Messages caught by intermediate catch events, receive tasks and boundary events (spec 1.2
 * "Messages", spec 7.2): a referenced message with a non-empty name and exactly one {@code
 * zeebe:subscription} with a correlation key, FEEL that parses, and unique names among an
 * activity's boundary events.
 */
final class MessageRules implements ModelRule {

  static final String MISSING_MESSAGE =
      "Expected '%s' to reference a message with 'messageRef', but none was found";
  static final String MISSING_NAME =
      "Expected message '%s' used by '%s' to have a non-empty 'name', but it has none";
  static final String SUBSCRIPTION_COUNT =
      "Expected message '%s' used by '%s' to have exactly one 'zeebe:subscription', but found %d";
  static final String MISSING_CORRELATION_KEY =
      "Expected the 'zeebe:subscription' of message '%s' used by '%s' to have a 'correlationKey',"
          + " but it has none";
  static final String DUPLICATE_BOUNDARY_MESSAGE =
      "Expected unique message names among the boundary events of activity '%s', but '%s' is"
          + " caught by both '%s' and '%s'";

  static final String MESSAGE_REF = "messageRef";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<String, String> boundaryNames = new HashMap<>();
    for (FlowElement element : Elements.flowElements(model)) {
      if (element instanceof StartEvent || element instanceof ThrowEvent) {
        continue; // message start, throw and end events are not supported by this rule set
      }
      String messageRef = messageRef(element);
      if (messageRef == null) {
        continue;
      }
      String id = Elements.id(element);
      ModelElementInstance target = messageRef.isEmpty() ? null : model.getModelElementById(messageRef);
      if (!(target instanceof Message message)) {
        findings.add(id, MISSING_MESSAGE, id);
        continue;
      }
      checkMessage(id, message, findings);
      if (element instanceof BoundaryEvent boundary && !Elements.isBlank(message.getName())) {
        String activity = boundary.getAttributeValue(BoundaryEventRules.ATTACHED_TO_REF);
        String previous = boundaryNames.putIfAbsent(activity + '\u0000' + message.getName(), id);
        if (previous != null) {
          findings.add(id, DUPLICATE_BOUNDARY_MESSAGE, activity, message.getName(), previous, id);
        }
      }
    }
  }

  /** The message reference of a message catch element; "" when missing; null for other elements. */
  private static String messageRef(FlowElement element) {
    if (element instanceof ReceiveTask task) {
      String ref = task.getAttributeValue(MESSAGE_REF);
      return ref == null ? "" : ref;
    }
    List<EventDefinition> definitions = Elements.eventDefinitions(element);
    for (EventDefinition definition : definitions) {
      if (definition instanceof MessageEventDefinition) {
        String ref = definition.getAttributeValue(MESSAGE_REF);
        return ref == null ? "" : ref;
      }
    }
    return null;
  }

  private static void checkMessage(String id, Message message, Findings findings) {
    String messageId = Elements.id(message);
    String name = message.getName();
    if (Elements.isBlank(name)) {
      findings.add(id, MISSING_NAME, messageId, id);
    } else if (FeelExpressions.isExpression(name)) {
      FeelExpressions.parseError(name).ifPresent(error -> findings.add(id, ExpressionRules.INVALID_FEEL,
          "'name' of message '" + messageId + "'", error));
    }
    List<ZeebeSubscription> subscriptions = message.getExtensionElements() == null
        ? List.of()
        : List.copyOf(message.getExtensionElements().getChildElementsByType(ZeebeSubscription.class));
    if (subscriptions.size() != 1) {
      findings.add(id, SUBSCRIPTION_COUNT, messageId, id, subscriptions.size());
      return;
    }
    String correlationKey = subscriptions.get(0).getCorrelationKey();
    if (Elements.isBlank(correlationKey)) {
      findings.add(id, MISSING_CORRELATION_KEY, messageId, id);
    } else if (FeelExpressions.isExpression(correlationKey)) {
      FeelExpressions.parseError(correlationKey).ifPresent(error -> findings.add(id, ExpressionRules.INVALID_FEEL,
          "'correlationKey' of message '" + messageId + "'", error));
    }
  }
}
