package dev.engranaje.engine.history;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history tables and their version. The projection is derived data: when the stored version
 * differs from {@link #VERSION}, the tables are dropped, created anew and rebuilt from the record
 * log, so a migration is a new version number plus the new DDL here.
 */
final class HistorySchema {
  /** Bump when a table, column or index changes: the projection is then rebuilt from the log. */
  static final int VERSION = 2;

  static final List<String> TABLES = List.of("h_process_definition", "h_form", "h_process_instance",
      "h_element_instance", "h_sequence_flow", "h_variable", "h_variable_change", "h_incident", "h_job",
      "h_user_task", "h_decision_requirements", "h_decision_definition", "h_decision_instance",
      "h_message_subscription", "h_message_correlation", "h_job_event", "h_batch_operation",
      "h_batch_operation_item", "h_audit_log");

  private static final List<String> DDL = List.of("""
      CREATE TABLE h_process_definition (
        process_definition_key INTEGER PRIMARY KEY, process_definition_id TEXT, name TEXT,
        version INTEGER NOT NULL, version_tag TEXT, resource_name TEXT, resource TEXT,
        deployment_key INTEGER NOT NULL DEFAULT -1, tenant_id TEXT)""",
      "CREATE INDEX h_process_definition_id ON h_process_definition (process_definition_id, version)",
      """
      CREATE TABLE h_form (
        form_key INTEGER PRIMARY KEY, form_id TEXT, version INTEGER NOT NULL, version_tag TEXT,
        resource TEXT, tenant_id TEXT)""",
      """
      CREATE TABLE h_process_instance (
        process_instance_key INTEGER PRIMARY KEY, process_definition_id TEXT,
        process_definition_version INTEGER NOT NULL, process_definition_key INTEGER NOT NULL, state TEXT,
        start_date INTEGER NOT NULL, end_date INTEGER NOT NULL DEFAULT -1, parent_process_instance_key INTEGER NOT NULL,
        parent_element_instance_key INTEGER NOT NULL, root_process_instance_key INTEGER NOT NULL,
        active_incidents INTEGER NOT NULL DEFAULT 0, tenant_id TEXT)""",
      "CREATE INDEX h_process_instance_definition ON h_process_instance (process_definition_id, state)",
      "CREATE INDEX h_process_instance_definition_key ON h_process_instance (process_definition_key, state)",
      "CREATE INDEX h_process_instance_state ON h_process_instance (state, start_date)",
      "CREATE INDEX h_process_instance_parent ON h_process_instance (parent_process_instance_key)",
      "CREATE INDEX h_process_instance_end ON h_process_instance (end_date)",
      "CREATE INDEX h_process_instance_root ON h_process_instance (root_process_instance_key)",
      """
      CREATE TABLE h_element_instance (
        element_instance_key INTEGER PRIMARY KEY, process_instance_key INTEGER NOT NULL,
        root_process_instance_key INTEGER NOT NULL, process_definition_key INTEGER NOT NULL,
        process_definition_id TEXT, element_id TEXT, element_name TEXT, type TEXT,
        state TEXT,
        flow_scope_key INTEGER NOT NULL, start_date INTEGER NOT NULL, end_date INTEGER NOT NULL DEFAULT -1,
        incident_key INTEGER NOT NULL DEFAULT -1, tenant_id TEXT)""",
      "CREATE INDEX h_element_instance_process_instance ON h_element_instance (process_instance_key)",
      "CREATE INDEX h_element_instance_definition ON h_element_instance (process_definition_key, element_id)",
      """
      CREATE TABLE h_sequence_flow (
        process_instance_key INTEGER NOT NULL, element_id TEXT, root_process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL, process_definition_id TEXT, tenant_id TEXT,
        PRIMARY KEY (process_instance_key, element_id))""",
      """
      CREATE TABLE h_variable (
        variable_key INTEGER PRIMARY KEY, name TEXT, value TEXT, scope_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL, root_process_instance_key INTEGER NOT NULL,
        process_definition_key INTEGER NOT NULL, scope_active INTEGER NOT NULL DEFAULT 1, tenant_id TEXT)""",
      "CREATE UNIQUE INDEX h_variable_scope ON h_variable (scope_key, name)",
      "CREATE INDEX h_variable_process_instance ON h_variable (process_instance_key, name)",
      "CREATE INDEX h_variable_name ON h_variable (name, value)",
      """
      CREATE TABLE h_variable_change (
        position INTEGER PRIMARY KEY, variable_key INTEGER NOT NULL, change TEXT, value TEXT,
        timestamp INTEGER NOT NULL)""",
      "CREATE INDEX h_variable_change_variable ON h_variable_change (variable_key)",
      """
      CREATE TABLE h_incident (
        incident_key INTEGER PRIMARY KEY, process_definition_id TEXT, process_definition_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL, root_process_instance_key INTEGER NOT NULL, element_id TEXT,
        element_instance_key INTEGER NOT NULL, job_key INTEGER NOT NULL, error_type TEXT,
        error_message TEXT, error_hash_code INTEGER NOT NULL, state TEXT,
        creation_time INTEGER NOT NULL, resolution_time INTEGER NOT NULL DEFAULT -1, tenant_id TEXT)""",
      "CREATE INDEX h_incident_process_instance ON h_incident (process_instance_key)",
      "CREATE INDEX h_incident_state ON h_incident (state, process_definition_id)",
      "CREATE INDEX h_incident_element_instance ON h_incident (element_instance_key)",
      """
      CREATE TABLE h_job (
        job_key INTEGER PRIMARY KEY, type TEXT, worker TEXT, state TEXT, kind TEXT,
        retries INTEGER NOT NULL, error_message TEXT, error_code TEXT, deadline INTEGER NOT NULL DEFAULT -1,
        end_time INTEGER NOT NULL DEFAULT -1, has_failed_with_retries_left INTEGER NOT NULL DEFAULT 0,
        process_definition_id TEXT, process_definition_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL, root_process_instance_key INTEGER NOT NULL, element_id TEXT,
        element_instance_key INTEGER NOT NULL, custom_headers TEXT, creation_time INTEGER NOT NULL,
        last_update_time INTEGER NOT NULL, tenant_id TEXT)""",
      "CREATE INDEX h_job_process_instance ON h_job (process_instance_key)",
      "CREATE INDEX h_job_type ON h_job (type, state)",
      """
      CREATE TABLE h_job_event (
        position INTEGER PRIMARY KEY, job_key INTEGER NOT NULL, type TEXT, worker TEXT, event TEXT,
        time INTEGER NOT NULL, error_code TEXT, error_message TEXT, process_instance_key INTEGER NOT NULL,
        tenant_id TEXT)""",
      "CREATE INDEX h_job_event_time ON h_job_event (time)",
      "CREATE INDEX h_job_event_process_instance ON h_job_event (process_instance_key)",
      """
      CREATE TABLE h_user_task (
        user_task_key INTEGER PRIMARY KEY, element_instance_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL,
        root_process_instance_key INTEGER NOT NULL, process_definition_id TEXT,
        process_definition_version INTEGER NOT NULL, process_definition_key INTEGER NOT NULL, element_id TEXT,
        assignee TEXT, candidate_groups TEXT, candidate_users TEXT, due_date TEXT,
        follow_up_date TEXT, form_key INTEGER NOT NULL DEFAULT -1, external_form_reference TEXT,
        priority INTEGER NOT NULL, creation_date INTEGER NOT NULL, completion_date INTEGER NOT NULL DEFAULT -1,
        state TEXT, tenant_id TEXT)""",
      "CREATE INDEX h_user_task_process_instance ON h_user_task (process_instance_key)",
      "CREATE INDEX h_user_task_state ON h_user_task (state, assignee)",
      """
      CREATE TABLE h_decision_requirements (
        decision_requirements_key INTEGER PRIMARY KEY, decision_requirements_id TEXT,
        decision_requirements_name TEXT, version INTEGER NOT NULL, resource_name TEXT, resource TEXT,
        tenant_id TEXT)""",
      """
      CREATE TABLE h_decision_definition (
        decision_definition_key INTEGER PRIMARY KEY, decision_definition_id TEXT, name TEXT,
        version INTEGER NOT NULL, decision_requirements_id TEXT, decision_requirements_key INTEGER NOT NULL,
        decision_requirements_name TEXT, decision_requirements_version INTEGER NOT NULL, tenant_id TEXT)""",
      "CREATE INDEX h_decision_definition_id ON h_decision_definition (decision_definition_id, version)",
      """
      CREATE TABLE h_decision_instance (
        decision_evaluation_instance_key TEXT PRIMARY KEY, decision_evaluation_key INTEGER NOT NULL,
        decision_definition_key INTEGER NOT NULL, decision_definition_id TEXT, decision_definition_name TEXT,
        decision_definition_version INTEGER NOT NULL, decision_definition_type TEXT, state TEXT,
        evaluation_date INTEGER NOT NULL, evaluation_failure TEXT, process_definition_key INTEGER NOT NULL,
        process_instance_key INTEGER NOT NULL, root_process_instance_key INTEGER NOT NULL,
        element_instance_key INTEGER NOT NULL, root_decision_definition_key INTEGER NOT NULL,
        decision_requirements_key INTEGER NOT NULL, result TEXT, evaluated_inputs TEXT,
        matched_rules TEXT, tenant_id TEXT)""",
      "CREATE INDEX h_decision_instance_process_instance ON h_decision_instance (process_instance_key)",
      """
      CREATE TABLE h_message_subscription (
        message_subscription_key INTEGER PRIMARY KEY, process_definition_id TEXT,
        process_definition_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL,
        root_process_instance_key INTEGER NOT NULL, element_id TEXT, element_instance_key INTEGER NOT NULL,
        message_subscription_state TEXT, last_updated_date INTEGER NOT NULL, message_name TEXT,
        correlation_key TEXT, tenant_id TEXT)""",
      "CREATE INDEX h_message_subscription_process_instance ON h_message_subscription (process_instance_key)",
      """
      CREATE TABLE h_message_correlation (
        subscription_key INTEGER NOT NULL, message_key INTEGER NOT NULL, correlation_time INTEGER NOT NULL,
        message_name TEXT, correlation_key TEXT, process_definition_id TEXT,
        process_definition_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL,
        root_process_instance_key INTEGER NOT NULL, element_id TEXT, element_instance_key INTEGER NOT NULL,
        tenant_id TEXT, PRIMARY KEY (subscription_key, message_key))""",
      "CREATE INDEX h_message_correlation_process_instance ON h_message_correlation (process_instance_key)",
      """
      CREATE TABLE h_batch_operation (
        batch_operation_key INTEGER PRIMARY KEY, operation_type TEXT, state TEXT, actor_id TEXT, actor_type TEXT,
        start_date INTEGER NOT NULL, end_date INTEGER NOT NULL DEFAULT -1, total_count INTEGER NOT NULL,
        completed_count INTEGER NOT NULL DEFAULT 0, failed_count INTEGER NOT NULL DEFAULT 0)""",
      """
      CREATE TABLE h_batch_operation_item (
        batch_operation_key INTEGER NOT NULL, item_key INTEGER NOT NULL, process_instance_key INTEGER NOT NULL,
        operation_type TEXT, state TEXT, processed_date INTEGER NOT NULL DEFAULT -1, error_message TEXT,
        PRIMARY KEY (batch_operation_key, item_key))""",
      "CREATE INDEX h_batch_operation_item_process_instance ON h_batch_operation_item (process_instance_key)",
      """
      CREATE TABLE h_audit_log (
        audit_log_key INTEGER PRIMARY KEY, operation_type TEXT, entity_type TEXT, entity_key INTEGER NOT NULL,
        actor_id TEXT, actor_type TEXT, result TEXT, description TEXT, process_instance_key INTEGER NOT NULL,
        batch_operation_key INTEGER NOT NULL, batch_operation_type TEXT, category TEXT, timestamp INTEGER NOT NULL)""",
      "CREATE INDEX h_audit_log_time ON h_audit_log (timestamp)",
      "CREATE INDEX h_audit_log_process_instance ON h_audit_log (process_instance_key)");

  private HistorySchema() {}

  static void create(Statement statement) throws SQLException {
    statement.execute("CREATE TABLE IF NOT EXISTS history_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    for (String ddl : DDL) {
      statement.execute(ddl);
    }
  }

  static void drop(Statement statement) throws SQLException {
    for (String table : TABLES) {
      statement.execute("DROP TABLE IF EXISTS " + table);
    }
    statement.execute("DROP TABLE IF EXISTS history_meta");
  }
}
