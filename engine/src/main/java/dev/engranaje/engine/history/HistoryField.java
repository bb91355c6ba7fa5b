package dev.engranaje.engine.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A field of a searchable history entity, named as the REST API names it.
 *
 * @param name the API's field name (in filters, sort and results)
 * @param sql the SQL expression over the entity's table (aliased {@code t})
 * @param type how values are compared and returned
 * @param output whether results carry it (false for filter-only fields)
 * @param wrapper null, or a format string around the condition for fields that test related rows
 *     (e.g. {@code EXISTS (SELECT 1 FROM ... AND %s)})
 */
public record HistoryField(String name, String sql, Type type, boolean output, String wrapper) {

  /** How a field's values are stored, compared and returned. */
  public enum Type {
    /** A 64-bit key; -1 (none) is returned as null; given and returned as a string. */
    KEY,
    TEXT,
    INTEGER,
    /** Epoch milliseconds, -1 for none; given and returned as ISO-8601 text. */
    DATE,
    BOOLEAN,
    /** JSON text, returned parsed (a map or a list). */
    JSON,
    /**
     * A variable's JSON value text, returned as text; a filter value matches the JSON text itself
     * or, for a JSON string, its content (the client sends {@code "A-1"} as well as {@code "\"A-1\""}).
     */
    VARIABLE_VALUE
  }

  static HistoryField of(String name, String sql, Type type) {
    return new HistoryField(name, sql, type, true, null);
  }

  /**
   * The fields of an entry that belongs to an element instance (an incident, a job, a
   * subscription): its own, then its process, instance, root instance, element and tenant.
   */
  static HistoryField[] atElement(HistoryField... own) {
    List<HistoryField> fields = new ArrayList<>(List.of(own));
    fields.add(of("processDefinitionId", "t.process_definition_id", Type.TEXT));
    fields.add(of("processDefinitionKey", "t.process_definition_key", Type.KEY));
    fields.add(of("processInstanceKey", "t.process_instance_key", Type.KEY));
    fields.add(of("rootProcessInstanceKey", "t.root_process_instance_key", Type.KEY));
    fields.add(of("elementId", "t.element_id", Type.TEXT));
    fields.add(of("elementInstanceKey", "t.element_instance_key", Type.KEY));
    fields.add(of("tenantId", "t.tenant_id", Type.TEXT));
    return fields.toArray(HistoryField[]::new);
  }

  static HistoryField filterOnly(String name, String sql, Type type, String wrapper) {
    return new HistoryField(name, sql, type, false, wrapper);
  }
}
