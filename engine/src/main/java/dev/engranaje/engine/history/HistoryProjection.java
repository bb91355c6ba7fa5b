package dev.engranaje.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.decision.EvaluatedDecision;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.AuditLogRecord;
import dev.engranaje.engine.record.BatchOperationIntent;
import dev.engranaje.engine.record.BatchOperationRecord;
import dev.engranaje.engine.record.DecisionEvaluationRecord;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.DecisionRequirementsRecord;
import dev.engranaje.engine.record.DeploymentRecord;
import dev.engranaje.engine.record.FormRecord;
import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobBatchRecord;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.VariableIntent;
import dev.engranaje.engine.record.VariableRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the history tables from event records. Called with the records of each append, inside
 * the append's transaction, so the projection commits (or rolls back) with the records it is made
 * from and never diverges from the log. Not thread-safe: used by the log writer only.
 */
public final class HistoryProjection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROOT_CACHE_SIZE = 10_000;
  private static final int NAMES_CACHE_SIZE = 256;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  // the root of each recent process instance, so a child's records need no lookup
  private final Map<Long, Long> roots = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
      return size() > ROOT_CACHE_SIZE;
    }
  };

  private final Map<Long, ProcessNames> names = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, ProcessNames> eldest) {
      return size() > NAMES_CACHE_SIZE;
    }
  };

  // element instances that began in the batch being projected, and the scopes that got variables in it
  private final Map<Long, ElementRow> freshElements = new LinkedHashMap<>();
  private final Set<Long> scopesWithNewVariables = new HashSet<>();

  private final OperationsProjection operations = new OperationsProjection(this::update);

  public HistoryProjection(Connection connection) {
    this.connection = connection;
  }

  /** Projects the event records of one append (commands change nothing) and remembers the position. */
  public void apply(List<Record> records) throws SQLException {
    freshElements.clear();
    scopesWithNewVariables.clear();
    for (Record record : records) {
      if (record.recordType() == RecordType.EVENT) {
        apply(record);
      }
    }
    flushFreshElements();
    if (!records.isEmpty()) {
      update("INSERT INTO history_meta (name, value) VALUES (?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET value = excluded.value", HistoryMeta.POSITION,
          records.get(records.size() - 1).position());
    }
  }

  private void apply(Record record) throws SQLException {
    switch (record.valueType()) {
      case PROCESS -> {
        if (record.intent() != ProcessIntent.DELETED) { // a deleted definition's history stays
          process((ProcessRecord) record.value());
        }
      }
      case DEPLOYMENT -> deployment(record.key(), (DeploymentRecord) record.value());
      case FORM -> form((FormRecord) record.value());
      case DECISION_REQUIREMENTS -> decisionRequirements((DecisionRequirementsRecord) record.value());
      case DECISION -> decision((DecisionRecord) record.value());
      case PROCESS_INSTANCE -> element(record, (ProcessInstanceIntent) record.intent(),
          (ProcessInstanceRecord) record.value());
      case VARIABLE -> variable(record, (VariableIntent) record.intent(), (VariableRecord) record.value());
      case INCIDENT -> incident(record, (IncidentIntent) record.intent(), (IncidentRecord) record.value());
      case JOB -> job(record, (JobIntent) record.intent(), (JobRecord) record.value());
      case JOB_BATCH -> jobBatch(record, (JobBatchRecord) record.value());
      case USER_TASK -> userTask((UserTaskRecord) record.value());
      case DECISION_EVALUATION -> decisionEvaluation(record, (DecisionEvaluationRecord) record.value());
      case PROCESS_MESSAGE_SUBSCRIPTION -> subscription(record, (ProcessMessageSubscriptionIntent) record.intent(),
          (ProcessMessageSubscriptionRecord) record.value());
      case BATCH_OPERATION -> operations.batchOperation(record, (BatchOperationIntent) record.intent(),
          (BatchOperationRecord) record.value());
      case AUDIT_LOG -> operations.auditLog(record, (AuditLogRecord) record.value());
      default -> {
        // messages, timers, signals, errors, escalations and creations have no history of their own
      }
    }
  }

  private void process(ProcessRecord p) throws SQLException {
    update("INSERT OR REPLACE INTO h_process_definition (process_definition_key, process_definition_id, name, version,"
        + " resource_name, resource, tenant_id) VALUES (?,?,?,?,?,?,?)", p.processDefinitionKey(), p.bpmnProcessId(),
        names(p).processName(), p.version(), p.resourceName(), p.resource(), p.tenantId());
  }

  private void deployment(long deploymentKey, DeploymentRecord deployment) throws SQLException {
    for (DeploymentRecord.DeployedProcessMetadata process : deployment.processes()) {
      if (!process.duplicate()) {
        update("UPDATE h_process_definition SET deployment_key = ? WHERE process_definition_key = ?", deploymentKey,
            process.processDefinitionKey());
      }
    }
  }

  private void form(FormRecord f) throws SQLException {
    update("INSERT OR REPLACE INTO h_form (form_key, form_id, version, version_tag, resource, tenant_id)"
        + " VALUES (?,?,?,?,?,?)", f.formKey(), f.formId(), f.version(), f.versionTag(), f.resource(), f.tenantId());
  }

  private void decisionRequirements(DecisionRequirementsRecord d) throws SQLException {
    update("INSERT OR REPLACE INTO h_decision_requirements (decision_requirements_key, decision_requirements_id,"
        + " decision_requirements_name, version, resource_name, resource, tenant_id) VALUES (?,?,?,?,?,?,?)",
        d.decisionRequirementsKey(), d.decisionRequirementsId(), d.decisionRequirementsName(), d.version(),
        d.resourceName(), d.resource(), d.tenantId());
  }

  private void decision(DecisionRecord d) throws SQLException {
    update("INSERT OR REPLACE INTO h_decision_definition (decision_definition_key, decision_definition_id, name,"
        + " version, decision_requirements_id, decision_requirements_key, decision_requirements_name,"
        + " decision_requirements_version, tenant_id) SELECT ?,?,?,?,?,?, r.decision_requirements_name, COALESCE(r.version, 0), ?"
        + " FROM (SELECT 1) LEFT JOIN h_decision_requirements r ON r.decision_requirements_key = ?",
        d.decisionKey(), d.decisionId(), d.decisionName(), d.version(), d.decisionRequirementsId(),
        d.decisionRequirementsKey(), d.tenantId(), d.decisionRequirementsKey());
  }

  private void element(Record record, ProcessInstanceIntent intent, ProcessInstanceRecord e) throws SQLException {
    long key = record.key();
    boolean isProcess = e.bpmnElementType() == BpmnElementType.PROCESS;
    switch (intent) {
      case ELEMENT_ACTIVATING -> {
        if (isProcess) {
          long root = e.parentProcessInstanceKey() > 0 ? root(e.parentProcessInstanceKey()) : key;
          roots.put(key, root);
          update("INSERT OR REPLACE INTO h_process_instance (process_instance_key, process_definition_id,"
              + " process_definition_version, process_definition_key, state, start_date, parent_process_instance_key,"
              + " parent_element_instance_key, root_process_instance_key, tenant_id) VALUES (?,?,?,?,'ACTIVE',?,?,?,?,?)",
              key, e.bpmnProcessId(), e.version(), e.processDefinitionKey(), record.timestamp(),
              e.parentProcessInstanceKey(), e.parentElementInstanceKey(), root, e.tenantId());
        }
        freshElements.put(key, new ElementRow(new Started(key, e, root(e.processInstanceKey()),
            names(e.processDefinitionKey()).element(e.elementId()), record.timestamp())));
      }
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        String state = intent == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED";
        ElementRow fresh = freshElements.get(key);
        if (fresh != null) {
          fresh.state = state;
          fresh.endDate = record.timestamp();
        } else {
          update("UPDATE h_element_instance SET state = ?, end_date = ? WHERE element_instance_key = ?", state,
              record.timestamp(), key);
        }
        // an element that began in this batch and got no variable in it has none to close
        if (fresh == null || scopesWithNewVariables.contains(key)) {
          update("UPDATE h_variable SET scope_active = 0 WHERE scope_key = ?", key);
        }
        if (isProcess) {
          update("UPDATE h_process_instance SET state = ?, end_date = ? WHERE process_instance_key = ?", state,
              record.timestamp(), key);
        }
      }
      case ELEMENT_MIGRATED -> migrated(key, e);
      case SEQUENCE_FLOW_TAKEN -> update("INSERT OR IGNORE INTO h_sequence_flow (process_instance_key, element_id,"
          + " root_process_instance_key, process_definition_key, process_definition_id, tenant_id)"
          + " VALUES (?,?,?,?,?,?)", e.processInstanceKey(), e.elementId(), root(e.processInstanceKey()),
          e.processDefinitionKey(), e.bpmnProcessId(), e.tenantId());
      default -> {
        // ACTIVATED, COMPLETING and TERMINATING leave the element active in the history's terms
      }
    }
  }

  /** An element instance now runs in another process definition: its rows follow it. */
  private void migrated(long key, ProcessInstanceRecord e) throws SQLException {
    String name = names(e.processDefinitionKey()).element(e.elementId());
    ElementRow fresh = freshElements.get(key);
    if (fresh != null) {
      fresh.started = new Started(key, e, fresh.started.root(), name, fresh.started.startDate());
    } else {
      update("UPDATE h_element_instance SET process_definition_key = ?, process_definition_id = ?, element_id = ?,"
          + " element_name = ? WHERE element_instance_key = ?", e.processDefinitionKey(), e.bpmnProcessId(),
          e.elementId(), name, key);
    }
    if (e.bpmnElementType() == BpmnElementType.PROCESS) {
      update("UPDATE h_process_instance SET process_definition_key = ?, process_definition_id = ?,"
          + " process_definition_version = ? WHERE process_instance_key = ?", e.processDefinitionKey(),
          e.bpmnProcessId(), e.version(), key);
      update("UPDATE h_variable SET process_definition_key = ? WHERE process_instance_key = ?",
          e.processDefinitionKey(), key);
    }
  }

  /** Writes the element instances that began in this batch, each once, with the state it ended in. */
  private void flushFreshElements() throws SQLException {
    for (ElementRow row : freshElements.values()) {
      Started started = row.started;
      ProcessInstanceRecord e = started.record();
      update("INSERT OR REPLACE INTO h_element_instance (element_instance_key, process_instance_key,"
          + " root_process_instance_key, process_definition_key, process_definition_id, element_id, element_name,"
          + " type, state, flow_scope_key, start_date, end_date, incident_key, tenant_id)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", started.key(), e.processInstanceKey(), started.root(),
          e.processDefinitionKey(), e.bpmnProcessId(), e.elementId(), started.name(), e.bpmnElementType().name(),
          row.state, e.flowScopeKey(), started.startDate(), row.endDate, row.incidentKey, e.tenantId());
    }
    freshElements.clear();
    scopesWithNewVariables.clear();
  }

  /** An element instance that began in the batch being projected, written once at its end. */
  private static final class ElementRow {
    Started started;
    String state = "ACTIVE";
    long endDate = -1;
    long incidentKey = -1;

    ElementRow(Started started) {
      this.started = started;
    }
  }

  /** What an element instance's activation tells: its record, root instance, name and start. */
  private record Started(long key, ProcessInstanceRecord record, long root, String name, long startDate) {}

  private void variable(Record record, VariableIntent intent, VariableRecord v) throws SQLException {
    if (intent == VariableIntent.CREATED) {
      scopesWithNewVariables.add(v.scopeKey());
      update("INSERT OR REPLACE INTO h_variable (variable_key, name, value, scope_key, process_instance_key,"
          + " root_process_instance_key, process_definition_key, tenant_id) VALUES (?,?,?,?,?,?,?,?)", record.key(),
          v.name(), v.value(), v.scopeKey(), v.processInstanceKey(), root(v.processInstanceKey()),
          v.processDefinitionKey(), v.tenantId());
    } else {
      update("UPDATE h_variable SET value = ? WHERE variable_key = ?", v.value(), record.key());
    }
    update("INSERT INTO h_variable_change (position, variable_key, change, value, timestamp) VALUES (?,?,?,?,?)",
        record.position(), record.key(), intent.name(), v.value(), record.timestamp());
  }

  private void incident(Record record, IncidentIntent intent, IncidentRecord i) throws SQLException {
    if (intent == IncidentIntent.CREATED) {
      update("INSERT OR REPLACE INTO h_incident (incident_key, process_definition_id, process_definition_key,"
          + " process_instance_key, root_process_instance_key, element_id, element_instance_key, job_key, error_type,"
          + " error_message, error_hash_code, state, creation_time, tenant_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,'ACTIVE',?,?)",
          record.key(), i.bpmnProcessId(), i.processDefinitionKey(), i.processInstanceKey(),
          root(i.processInstanceKey()), i.elementId(), i.elementInstanceKey(), i.jobKey(), i.errorType(),
          nullToEmpty(i.errorMessage()), nullToEmpty(i.errorMessage()).hashCode(), record.timestamp(), i.tenantId());
      ElementRow fresh = freshElements.get(i.elementInstanceKey());
      if (fresh != null) {
        fresh.incidentKey = record.key();
      } else {
        update("UPDATE h_element_instance SET incident_key = ? WHERE element_instance_key = ?", record.key(),
            i.elementInstanceKey());
      }
      update("UPDATE h_process_instance SET active_incidents = active_incidents + 1 WHERE process_instance_key = ?",
          i.processInstanceKey());
    } else if (intent == IncidentIntent.MIGRATED) {
      update("UPDATE h_incident SET process_definition_id = ?, process_definition_key = ?, element_id = ?"
          + " WHERE incident_key = ?", i.bpmnProcessId(), i.processDefinitionKey(), i.elementId(), record.key());
    } else if (intent == IncidentIntent.RESOLVED) {
      update("UPDATE h_incident SET state = 'RESOLVED', resolution_time = ? WHERE incident_key = ?",
          record.timestamp(), record.key());
      ElementRow fresh = freshElements.get(i.elementInstanceKey());
      if (fresh != null && fresh.incidentKey == record.key()) {
        fresh.incidentKey = -1;
      } else if (fresh == null) {
        update("UPDATE h_element_instance SET incident_key = -1 WHERE element_instance_key = ? AND incident_key = ?",
            i.elementInstanceKey(), record.key());
      }
      update("UPDATE h_process_instance SET active_incidents = MAX(0, active_incidents - 1)"
          + " WHERE process_instance_key = ?", i.processInstanceKey());
    }
  }

  private void job(Record record, JobIntent intent, JobRecord j) throws SQLException {
    if (intent == JobIntent.MIGRATED) {
      update("UPDATE h_job SET process_definition_id = ?, process_definition_key = ?, element_id = ?,"
          + " last_update_time = ? WHERE job_key = ?", j.bpmnProcessId(), j.processDefinitionKey(), j.elementId(),
          record.timestamp(), record.key());
      return;
    }
    if (intent == JobIntent.CREATED || intent == JobIntent.COMPLETED || intent == JobIntent.FAILED) {
      update("INSERT INTO h_job_event (position, job_key, type, worker, event, time, error_code, error_message,"
          + " process_instance_key, tenant_id) VALUES (?,?,?,?,?,?,?,?,?,?)", record.position(), record.key(),
          j.type(), emptyToNull(j.worker()), intent.name(), record.timestamp(),
          intent == JobIntent.FAILED ? emptyToNull(j.errorCode()) : null,
          intent == JobIntent.FAILED ? emptyToNull(j.errorMessage()) : null, j.processInstanceKey(), j.tenantId());
    }
    String state = switch (intent) {
      case CREATED, YIELDED -> "CREATED";
      case COMPLETED, FAILED, TIMED_OUT, RETRIES_UPDATED, CANCELED, ERROR_THROWN -> intent.name();
      default -> null; // backoff ends and timeout changes keep the state
    };
    if (intent == JobIntent.CREATED) {
      update("INSERT OR REPLACE INTO h_job (job_key, type, state, kind, retries, process_definition_id,"
          + " process_definition_key, process_instance_key, root_process_instance_key, element_id,"
          + " element_instance_key, custom_headers, creation_time, last_update_time, tenant_id)"
          + " VALUES (?,?,'CREATED','BPMN_ELEMENT',?,?,?,?,?,?,?,?,?,?,?)", record.key(), j.type(), j.retries(),
          j.bpmnProcessId(), j.processDefinitionKey(), j.processInstanceKey(), root(j.processInstanceKey()),
          j.elementId(), j.elementInstanceKey(), json(j.customHeaders()), record.timestamp(), record.timestamp(),
          j.tenantId());
      return;
    }
    boolean ended = intent == JobIntent.COMPLETED || intent == JobIntent.CANCELED;
    boolean failedWithRetriesLeft = intent == JobIntent.FAILED && j.retries() > 0;
    update("UPDATE h_job SET state = COALESCE(?, state), retries = ?, error_message = COALESCE(?, error_message),"
        + " error_code = COALESCE(?, error_code), deadline = ?, end_time = CASE WHEN ? THEN ? ELSE end_time END,"
        + " has_failed_with_retries_left = MAX(has_failed_with_retries_left, ?), last_update_time = ?"
        + " WHERE job_key = ?", state, j.retries(), emptyToNull(j.errorMessage()), emptyToNull(j.errorCode()),
        j.deadline() > 0 ? j.deadline() : -1, ended, record.timestamp(), failedWithRetriesLeft ? 1 : 0,
        record.timestamp(), record.key());
  }

  private void jobBatch(Record record, JobBatchRecord batch) throws SQLException {
    for (long jobKey : batch.jobKeys()) {
      update("UPDATE h_job SET worker = ?, deadline = ?, last_update_time = ? WHERE job_key = ?", batch.worker(),
          batch.deadline(), record.timestamp(), jobKey);
    }
  }

  private void userTask(UserTaskRecord t) throws SQLException {
    update("INSERT OR REPLACE INTO h_user_task (user_task_key, element_instance_key, process_instance_key,"
        + " root_process_instance_key, process_definition_id, process_definition_version, process_definition_key,"
        + " element_id, assignee, candidate_groups, candidate_users, due_date, follow_up_date, form_key,"
        + " external_form_reference, priority, creation_date, completion_date, state, tenant_id)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", t.userTaskKey(), t.elementInstanceKey(),
        t.processInstanceKey(), root(t.processInstanceKey()), t.bpmnProcessId(), t.processDefinitionVersion(),
        t.processDefinitionKey(), t.elementId(), emptyToNull(t.assignee()), json(t.candidateGroups()),
        json(t.candidateUsers()), t.dueDate(), t.followUpDate(), formKey(t.formKey()), t.externalFormReference(),
        t.priority(), t.creationTimestamp(), t.completionTimestamp() > 0 ? t.completionTimestamp() : -1, t.state(),
        t.tenantId());
  }

  /** One row per decision the evaluation evaluated (the decision and each it requires), keyed "key-n". */
  private void decisionEvaluation(Record record, DecisionEvaluationRecord d) throws SQLException {
    List<EvaluatedDecision> evaluated = d.evaluatedDecisions() == null ? List.of() : d.evaluatedDecisions();
    DecisionEvaluationRecord.ProcessContext process = d.process() == null
        ? DecisionEvaluationRecord.ProcessContext.NONE : d.process();
    long root = process.processInstanceKey() > 0 ? root(process.processInstanceKey()) : -1;
    int index = 1;
    for (EvaluatedDecision decision : evaluated) {
      boolean failed = java.util.Objects.equals(decision.decisionId(), d.failedDecisionId());
      update("INSERT OR REPLACE INTO h_decision_instance (decision_evaluation_instance_key, decision_evaluation_key,"
          + " decision_definition_key, decision_definition_id, decision_definition_name, decision_definition_version,"
          + " decision_definition_type, state, evaluation_date, evaluation_failure, process_definition_key,"
          + " process_instance_key, root_process_instance_key, element_instance_key, root_decision_definition_key,"
          + " decision_requirements_key, result, evaluated_inputs, matched_rules, tenant_id)"
          + " SELECT ?,?, COALESCE(dd.decision_definition_key, -1), ?,?, COALESCE(dd.version, ?),?,?,?,?,?,?,?,?,?,?,?,?,?,?"
          + " FROM (SELECT 1) LEFT JOIN h_decision_definition dd ON dd.decision_definition_id = ?"
          + " AND dd.decision_requirements_key = ?",
          record.key() + "-" + index, record.key(), decision.decisionId(), decision.decisionName(), d.decisionVersion(),
          decision.decisionType() == null ? "UNSPECIFIED" : decision.decisionType(), failed ? "FAILED" : "EVALUATED",
          record.timestamp(), failed ? d.evaluationFailureMessage() : null, process.processDefinitionKey(),
          process.processInstanceKey(), root, process.elementInstanceKey(), d.decisionKey(),
          d.decisionRequirementsKey(), decision.output(), json(decision.evaluatedInputs()),
          json(decision.matchedRules()), d.tenantId(), decision.decisionId(), d.decisionRequirementsKey());
      index++;
    }
  }

  private void subscription(Record record, ProcessMessageSubscriptionIntent intent,
      ProcessMessageSubscriptionRecord s) throws SQLException {
    if (intent == ProcessMessageSubscriptionIntent.CREATED) {
      update("INSERT OR REPLACE INTO h_message_subscription (message_subscription_key, process_definition_id,"
          + " process_definition_key, process_instance_key, root_process_instance_key, element_id,"
          + " element_instance_key, message_subscription_state, last_updated_date, message_name, correlation_key,"
          + " tenant_id) VALUES (?,?,?,?,?,?,?,'CREATED',?,?,?,?)", record.key(), s.bpmnProcessId(),
          s.processDefinitionKey(), s.processInstanceKey(), root(s.processInstanceKey()), s.elementId(),
          s.elementInstanceKey(), record.timestamp(), s.messageName(), s.correlationKey(), s.tenantId());
    } else if (intent == ProcessMessageSubscriptionIntent.MIGRATED) {
      update("UPDATE h_message_subscription SET process_definition_id = ?, process_definition_key = ?,"
          + " element_id = ?, last_updated_date = ? WHERE message_subscription_key = ?", s.bpmnProcessId(),
          s.processDefinitionKey(), s.elementId(), record.timestamp(), record.key());
    } else {
      update("UPDATE h_message_subscription SET message_subscription_state = ?, last_updated_date = ?"
          + " WHERE message_subscription_key = ?", intent.name(), record.timestamp(), record.key());
    }
    if (intent == ProcessMessageSubscriptionIntent.CORRELATED) {
      update("INSERT OR REPLACE INTO h_message_correlation (subscription_key, message_key, correlation_time,"
          + " message_name, correlation_key, process_definition_id, process_definition_key, process_instance_key,"
          + " root_process_instance_key, element_id, element_instance_key, tenant_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
          record.key(), s.messageKey(), record.timestamp(), s.messageName(), s.correlationKey(), s.bpmnProcessId(),
          s.processDefinitionKey(), s.processInstanceKey(), root(s.processInstanceKey()), s.elementId(),
          s.elementInstanceKey(), s.tenantId());
    }
  }

  private ProcessNames names(ProcessRecord process) {
    ProcessNames parsed = ProcessNames.parse(process.resource(), process.bpmnProcessId());
    names.put(process.processDefinitionKey(), parsed);
    return parsed;
  }

  /** The names in a deployed definition, parsed once from its stored XML. */
  private ProcessNames names(long processDefinitionKey) throws SQLException {
    return cached(names, processDefinitionKey,
        "SELECT resource, process_definition_id FROM h_process_definition WHERE process_definition_key = ?",
        rs -> ProcessNames.parse(rs.getString(1), rs.getString(2)), ProcessNames.NONE);
  }

  /** The root process instance of an instance: itself, or its top-most caller. */
  private long root(long processInstanceKey) throws SQLException {
    return cached(roots, processInstanceKey,
        "SELECT root_process_instance_key FROM h_process_instance WHERE process_instance_key = ?",
        rs -> rs.getLong(1), processInstanceKey);
  }

  /** Reads a row's value on a cache miss (the row may be missing: then {@code missing}). */
  @FunctionalInterface
  private interface RowValue<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T cached(Map<Long, T> cache, long key, String sql, RowValue<T> value, T missing) throws SQLException {
    T cachedValue = cache.get(key);
    if (cachedValue != null) {
      return cachedValue;
    }
    PreparedStatement query = statement(sql);
    query.setLong(1, key);
    T found;
    try (ResultSet rs = query.executeQuery()) {
      found = rs.next() ? value.read(rs) : missing;
    }
    cache.put(key, found);
    return found;
  }

  private void update(String sql, Object... args) throws SQLException {
    PreparedStatement statement = statement(sql);
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      statement.setObject(i + 1, arg instanceof Boolean b ? (b ? 1 : 0) : arg);
    }
    statement.executeUpdate();
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Forgets cached lookups: after a rollback or a rebuild they may name rows that are not stored. */
  public void forgetCaches() {
    roots.clear();
    names.clear();
  }

  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // closing the connection releases it anyway
      }
    }
    statements.clear();
  }

  private static long formKey(String text) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected to write a record's " + value.getClass().getSimpleName()
          + " as JSON, but failed", e);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
