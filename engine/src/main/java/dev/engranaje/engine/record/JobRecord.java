package dev.engranaje.engine.record;

import java.util.Map;

/**
 * A job. {@code variables} is JSON object text: the payload of a complete, fail or error command;
 * null otherwise. {@code recurringTime} is when a job failed with backoff becomes activatable again.
 */
public record JobRecord(
    String type,
    int retries,
    Map<String, String> customHeaders,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    String worker,
    long deadline,
    String errorMessage,
    String errorCode,
    long retryBackoff,
    long recurringTime,
    String variables,
    String tenantId)
    implements RecordValue {

  public JobRecord {
    customHeaders = customHeaders == null ? Map.of() : Map.copyOf(customHeaders);
  }

  public JobRecord withRetries(int newRetries) {
    return new JobRecord(type, newRetries, customHeaders, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, worker, deadline, errorMessage, errorCode, retryBackoff,
        recurringTime, variables, tenantId);
  }

  public JobRecord withFailure(int newRetries, String message, long backoff, long recurAt, String payload) {
    return new JobRecord(type, newRetries, customHeaders, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, worker, deadline, message, errorCode, backoff, recurAt,
        payload, tenantId);
  }

  public JobRecord withError(String code, String message, String payload) {
    return new JobRecord(type, retries, customHeaders, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, worker, deadline, message, code, retryBackoff,
        recurringTime, payload, tenantId);
  }

  public JobRecord withActivation(String newWorker, long newDeadline) {
    return new JobRecord(type, retries, customHeaders, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, newWorker, newDeadline, errorMessage, errorCode,
        retryBackoff, recurringTime, null, tenantId);
  }

  public JobRecord withVariables(String payload) {
    return new JobRecord(type, retries, customHeaders, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, worker, deadline, errorMessage, errorCode, retryBackoff,
        recurringTime, payload, tenantId);
  }

  public JobRecord withCustomHeaders(Map<String, String> headers) {
    return new JobRecord(type, retries, headers, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, worker, deadline, errorMessage, errorCode, retryBackoff,
        recurringTime, variables, tenantId);
  }
}
