package dev.engranaje.engine.alert;

/**
 * What a webhook receives for one new incident (JSON, field names as here). {@code createdAt} is
 * ISO-8601 UTC; {@code jobKey} is -1 when the incident is not about a job; {@code incidentUrl} and
 * {@code instanceUrl} point at the incident and its instance in the engine's REST API (null when the
 * engine has none). Keys are strings, as the Camunda REST API writes them. The receiver can use {@code incidentKey} to drop a repeat: delivery is at least once.
 */
public record IncidentAlert(
    String event,
    String incidentKey,
    String processInstanceKey,
    String bpmnProcessId,
    String processDefinitionKey,
    String elementId,
    String elementInstanceKey,
    String jobKey,
    String errorType,
    String errorMessage,
    String createdAt,
    String incidentUrl,
    String instanceUrl) {

  static final String EVENT = "incident.created";
}
