package dev.engranaje.engine.record;

/**
 * An element instance waiting for a message. {@code elementInstanceKey} is the instance that opened
 * it: the catch event or receive task itself, or the activity of a boundary event. {@code elementId}
 * is the element that catches: the catch event, receive task or boundary event. An {@code
 * interrupting} subscription closes when it correlates; a non-interrupting boundary stays open.
 * {@code messageKey} and {@code variables} are set on CORRELATED only (-1 and "{}" otherwise).
 */
public record ProcessMessageSubscriptionRecord(
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    String messageName,
    String correlationKey,
    boolean interrupting,
    long messageKey,
    String variables,
    String tenantId)
    implements RecordValue {

  /** This subscription as correlated with a message. */
  public ProcessMessageSubscriptionRecord correlatedWith(long messageKey, String variables) {
    return new ProcessMessageSubscriptionRecord(elementInstanceKey, processInstanceKey, processDefinitionKey,
        bpmnProcessId, elementId, messageName, correlationKey, interrupting, messageKey, variables, tenantId);
  }
}
