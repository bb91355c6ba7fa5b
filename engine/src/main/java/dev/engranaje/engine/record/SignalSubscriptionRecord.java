package dev.engranaje.engine.record;

/**
 * A subscription to a signal. {@code catchEventInstanceKey} is the element instance that opened it
 * (the activity, for a boundary event), or -1 for a signal start event, which subscribes at deploy.
 */
public record SignalSubscriptionRecord(
    String signalName,
    long processDefinitionKey,
    String bpmnProcessId,
    String catchElementId,
    long catchEventInstanceKey,
    boolean interrupting,
    String tenantId)
    implements RecordValue {}
