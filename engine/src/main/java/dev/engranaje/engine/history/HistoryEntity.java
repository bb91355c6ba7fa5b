package dev.engranaje.engine.history;

import static dev.engranaje.engine.history.HistoryField.Type.BOOLEAN;
import static dev.engranaje.engine.history.HistoryField.Type.DATE;
import static dev.engranaje.engine.history.HistoryField.Type.INTEGER;
import static dev.engranaje.engine.history.HistoryField.Type.JSON;
import static dev.engranaje.engine.history.HistoryField.Type.KEY;
import static dev.engranaje.engine.history.HistoryField.Type.TEXT;
import static dev.engranaje.engine.history.HistoryField.Type.VARIABLE_VALUE;
import static dev.engranaje.engine.history.HistoryField.atElement;
import static dev.engranaje.engine.history.HistoryField.filterOnly;
import static dev.engranaje.engine.history.HistoryField.of;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A searchable kind of history entry: its table (aliased {@code t}), the rows a search may see,
 * and its fields under the REST API's names.
 */
public enum HistoryEntity {
  PROCESS_DEFINITION("h_process_definition", "process_definition_key", null,
      of("processDefinitionKey", "t.process_definition_key", KEY),
      of("processDefinitionId", "t.process_definition_id", TEXT),
      of("name", "COALESCE(t.name, t.process_definition_id)", TEXT),
      of("resourceName", "t.resource_name", TEXT),
      of("version", "t.version", INTEGER),
      of("versionTag", "t.version_tag", TEXT),
      of("tenantId", "t.tenant_id", TEXT),
      of("hasStartForm", "0", BOOLEAN),
      filterOnly("isLatestVersion", "(t.version = (SELECT MAX(d.version) FROM h_process_definition d"
          + " WHERE d.process_definition_id = t.process_definition_id AND d.tenant_id = t.tenant_id))", BOOLEAN,
          null)),

  PROCESS_INSTANCE("h_process_instance", "process_instance_key", null,
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("processDefinitionId", "t.process_definition_id", TEXT),
      of("processDefinitionName", "(SELECT COALESCE(d.name, d.process_definition_id) FROM h_process_definition d"
          + " WHERE d.process_definition_key = t.process_definition_key)", TEXT),
      of("processDefinitionVersion", "t.process_definition_version", INTEGER),
      of("processDefinitionVersionTag", "(SELECT d.version_tag FROM h_process_definition d"
          + " WHERE d.process_definition_key = t.process_definition_key)", TEXT),
      of("processDefinitionKey", "t.process_definition_key", KEY),
      of("startDate", "t.start_date", DATE),
      of("endDate", "t.end_date", DATE),
      of("state", "t.state", TEXT),
      of("hasIncident", "(t.active_incidents > 0)", BOOLEAN),
      of("tenantId", "t.tenant_id", TEXT),
      of("parentProcessInstanceKey", "t.parent_process_instance_key", KEY),
      of("parentElementInstanceKey", "t.parent_element_instance_key", KEY),
      of("rootProcessInstanceKey", "t.root_process_instance_key", KEY),
      filterOnly("elementId", "e.element_id", TEXT, "EXISTS (SELECT 1 FROM h_element_instance e"
          + " WHERE e.process_instance_key = t.process_instance_key AND %s)"),
      filterOnly("elementInstanceState", "e.state", TEXT, "EXISTS (SELECT 1 FROM h_element_instance e"
          + " WHERE e.process_instance_key = t.process_instance_key AND %s)"),
      filterOnly("hasElementInstanceIncident", "(e.incident_key <> -1)", BOOLEAN, "EXISTS (SELECT 1"
          + " FROM h_element_instance e WHERE e.process_instance_key = t.process_instance_key AND %s)"),
      filterOnly("errorMessage", "i.error_message", TEXT, "EXISTS (SELECT 1 FROM h_incident i"
          + " WHERE i.process_instance_key = t.process_instance_key AND i.state = 'ACTIVE' AND %s)"),
      filterOnly("incidentErrorHashCode", "i.error_hash_code", INTEGER, "EXISTS (SELECT 1 FROM h_incident i"
          + " WHERE i.process_instance_key = t.process_instance_key AND i.state = 'ACTIVE' AND %s)"),
      filterOnly("hasRetriesLeft", "(j.retries > 0)", BOOLEAN, "EXISTS (SELECT 1 FROM h_job j"
          + " WHERE j.process_instance_key = t.process_instance_key AND %s)")),

  ELEMENT_INSTANCE("h_element_instance", "element_instance_key", null,
      of("elementInstanceKey", "t.element_instance_key", KEY),
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("rootProcessInstanceKey", "t.root_process_instance_key", KEY),
      of("processDefinitionKey", "t.process_definition_key", KEY),
      of("processDefinitionId", "t.process_definition_id", TEXT),
      of("elementId", "t.element_id", TEXT),
      of("elementName", "COALESCE(t.element_name, t.element_id)", TEXT),
      of("type", "t.type", TEXT),
      of("state", "t.state", TEXT),
      of("startDate", "t.start_date", DATE),
      of("endDate", "t.end_date", DATE),
      of("hasIncident", "(t.incident_key <> -1)", BOOLEAN),
      of("incidentKey", "t.incident_key", KEY),
      of("tenantId", "t.tenant_id", TEXT),
      filterOnly("elementInstanceScopeKey", "t.flow_scope_key", KEY, null)),

  // locals of ended scopes are gone, as from the engine's state; the root scope's stay with the instance
  VARIABLE("h_variable", "variable_key", "(t.scope_active = 1 OR t.scope_key = t.process_instance_key)",
      of("variableKey", "t.variable_key", KEY),
      of("name", "t.name", TEXT),
      of("value", "t.value", VARIABLE_VALUE),
      of("scopeKey", "t.scope_key", KEY),
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("rootProcessInstanceKey", "t.root_process_instance_key", KEY),
      of("tenantId", "t.tenant_id", TEXT),
      of("isTruncated", "0", BOOLEAN),
      filterOnly("userTaskKey", "u.user_task_key", KEY, "EXISTS (SELECT 1 FROM h_user_task u"
          + " WHERE u.element_instance_key = t.scope_key AND %s)")),

  INCIDENT("h_incident", "incident_key", null, atElement(
      of("incidentKey", "t.incident_key", KEY),
      of("errorType", "t.error_type", TEXT),
      of("errorMessage", "t.error_message", TEXT),
      of("creationTime", "t.creation_time", DATE),
      of("state", "t.state", TEXT),
      of("jobKey", "t.job_key", KEY))),

  JOB("h_job", "job_key", null, atElement(
      of("jobKey", "t.job_key", KEY),
      of("type", "t.type", TEXT),
      of("worker", "COALESCE(t.worker, '')", TEXT),
      of("state", "t.state", TEXT),
      of("kind", "t.kind", TEXT),
      of("listenerEventType", "'UNSPECIFIED'", TEXT),
      of("retries", "t.retries", INTEGER),
      of("isDenied", "0", BOOLEAN),
      of("deniedReason", "NULL", TEXT),
      of("errorMessage", "t.error_message", TEXT),
      of("errorCode", "t.error_code", TEXT),
      of("deadline", "t.deadline", DATE),
      of("endTime", "t.end_time", DATE),
      of("hasFailedWithRetriesLeft", "t.has_failed_with_retries_left", BOOLEAN),
      of("customHeaders", "t.custom_headers", JSON),
      of("creationTime", "t.creation_time", DATE),
      of("lastUpdateTime", "t.last_update_time", DATE))),

  DECISION_DEFINITION("h_decision_definition", "decision_definition_key", null,
      of("decisionDefinitionKey", "t.decision_definition_key", KEY),
      of("decisionDefinitionId", "t.decision_definition_id", TEXT),
      of("name", "t.name", TEXT),
      of("version", "t.version", INTEGER),
      of("decisionRequirementsId", "t.decision_requirements_id", TEXT),
      of("decisionRequirementsKey", "t.decision_requirements_key", KEY),
      of("decisionRequirementsName", "t.decision_requirements_name", TEXT),
      of("decisionRequirementsVersion", "t.decision_requirements_version", INTEGER),
      of("tenantId", "t.tenant_id", TEXT),
      filterOnly("isLatestVersion", "(t.version = (SELECT MAX(d.version) FROM h_decision_definition d"
          + " WHERE d.decision_definition_id = t.decision_definition_id AND d.tenant_id = t.tenant_id))", BOOLEAN,
          null)),

  DECISION_REQUIREMENTS("h_decision_requirements", "decision_requirements_key", null,
      of("decisionRequirementsKey", "t.decision_requirements_key", KEY),
      of("decisionRequirementsId", "t.decision_requirements_id", TEXT),
      of("decisionRequirementsName", "t.decision_requirements_name", TEXT),
      of("version", "t.version", INTEGER),
      of("resourceName", "t.resource_name", TEXT),
      of("tenantId", "t.tenant_id", TEXT)),

  DECISION_INSTANCE("h_decision_instance", "decision_evaluation_instance_key", null,
      of("decisionEvaluationInstanceKey", "t.decision_evaluation_instance_key", TEXT),
      of("decisionEvaluationKey", "t.decision_evaluation_key", KEY),
      of("decisionDefinitionKey", "t.decision_definition_key", KEY),
      of("decisionDefinitionId", "t.decision_definition_id", TEXT),
      of("decisionDefinitionName", "t.decision_definition_name", TEXT),
      of("decisionDefinitionVersion", "t.decision_definition_version", INTEGER),
      of("decisionDefinitionType", "t.decision_definition_type", TEXT),
      of("state", "t.state", TEXT),
      of("evaluationDate", "t.evaluation_date", DATE),
      of("evaluationFailure", "t.evaluation_failure", TEXT),
      of("processDefinitionKey", "t.process_definition_key", KEY),
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("rootProcessInstanceKey", "t.root_process_instance_key", KEY),
      of("elementInstanceKey", "t.element_instance_key", KEY),
      of("rootDecisionDefinitionKey", "t.root_decision_definition_key", KEY),
      of("result", "t.result", TEXT),
      of("tenantId", "t.tenant_id", TEXT),
      filterOnly("decisionRequirementsKey", "t.decision_requirements_key", KEY, null)),

  MESSAGE_SUBSCRIPTION("h_message_subscription", "message_subscription_key", null, atElement(
      of("messageSubscriptionKey", "t.message_subscription_key", KEY),
      of("messageSubscriptionState", "t.message_subscription_state", TEXT),
      of("lastUpdatedDate", "t.last_updated_date", DATE),
      of("messageName", "t.message_name", TEXT),
      of("correlationKey", "t.correlation_key", TEXT))),

  CORRELATED_MESSAGE_SUBSCRIPTION("h_message_correlation", "subscription_key", null, atElement(
      of("subscriptionKey", "t.subscription_key", KEY),
      of("messageKey", "t.message_key", KEY),
      of("correlationTime", "t.correlation_time", DATE),
      of("messageName", "t.message_name", TEXT),
      of("correlationKey", "t.correlation_key", TEXT),
      of("partitionId", "1", INTEGER))),

  // job events (created, completed, failed), for job statistics only
  JOB_EVENT("h_job_event", "position", null,
      of("jobType", "t.type", TEXT),
      of("worker", "t.worker", TEXT),
      of("errorCode", "t.error_code", TEXT),
      of("errorMessage", "t.error_message", TEXT)),

  BATCH_OPERATION("h_batch_operation", "batch_operation_key", null,
      of("batchOperationKey", "t.batch_operation_key", KEY),
      of("state", "t.state", TEXT),
      of("batchOperationType", "t.operation_type", TEXT),
      of("startDate", "t.start_date", DATE),
      of("endDate", "t.end_date", DATE),
      of("actorType", "t.actor_type", TEXT),
      of("actorId", "t.actor_id", TEXT),
      of("operationsTotalCount", "t.total_count", INTEGER),
      of("operationsFailedCount", "t.failed_count", INTEGER),
      of("operationsCompletedCount", "t.completed_count", INTEGER)),

  BATCH_OPERATION_ITEM("h_batch_operation_item", "item_key", null,
      of("operationType", "t.operation_type", TEXT),
      of("batchOperationKey", "t.batch_operation_key", KEY),
      of("itemKey", "t.item_key", KEY),
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("rootProcessInstanceKey", "t.process_instance_key", KEY),
      of("state", "t.state", TEXT),
      of("processedDate", "t.processed_date", DATE),
      of("errorMessage", "t.error_message", TEXT)),

  AUDIT_LOG("h_audit_log", "audit_log_key", null,
      of("auditLogKey", "t.audit_log_key", KEY),
      of("entityKey", "t.entity_key", KEY),
      of("entityType", "t.entity_type", TEXT),
      of("operationType", "t.operation_type", TEXT),
      of("batchOperationKey", "t.batch_operation_key", KEY),
      of("batchOperationType", "t.batch_operation_type", TEXT),
      of("timestamp", "t.timestamp", DATE),
      of("actorId", "t.actor_id", TEXT),
      of("actorType", "t.actor_type", TEXT),
      of("result", "t.result", TEXT),
      of("category", "t.category", TEXT),
      of("entityDescription", "t.description", TEXT),
      of("processInstanceKey", "t.process_instance_key", KEY),
      of("jobKey", "(CASE WHEN t.entity_type = 'JOB' THEN t.entity_key ELSE -1 END)", KEY),
      of("elementInstanceKey", "(CASE WHEN t.entity_type = 'VARIABLE' THEN t.entity_key ELSE -1 END)", KEY),
      of("deploymentKey", "(CASE WHEN t.entity_type = 'RESOURCE' AND t.operation_type = 'CREATE'"
          + " THEN t.entity_key ELSE -1 END)", KEY),
      of("resourceKey", "(CASE WHEN t.entity_type = 'RESOURCE' AND t.operation_type = 'DELETE'"
          + " THEN t.entity_key ELSE -1 END)", KEY),
      of("processDefinitionKey", "(SELECT p.process_definition_key FROM h_process_instance p"
          + " WHERE p.process_instance_key = t.process_instance_key)", KEY),
      of("processDefinitionId", "(SELECT p.process_definition_id FROM h_process_instance p"
          + " WHERE p.process_instance_key = t.process_instance_key)", TEXT));

  private final String table;
  private final String keyColumn;
  private final String visible;
  private final Map<String, HistoryField> fields = new LinkedHashMap<>();

  HistoryEntity(String table, String keyColumn, String visible, HistoryField... fields) {
    this.table = table;
    this.keyColumn = keyColumn;
    this.visible = visible;
    for (HistoryField field : fields) {
      this.fields.put(field.name(), field);
    }
  }

  public Optional<HistoryField> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The names a filter or sort may use. */
  public List<String> fieldNames() {
    return List.copyOf(fields.keySet());
  }

  List<HistoryField> fields() {
    return List.copyOf(fields.values());
  }

  String table() {
    return table;
  }

  String keyColumn() {
    return "t." + keyColumn;
  }

  /** The condition every row a search sees meets, or null. */
  String visible() {
    return visible;
  }
}
