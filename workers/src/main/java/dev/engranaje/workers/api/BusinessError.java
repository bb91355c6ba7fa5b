package dev.engranaje.workers.api;

import java.util.Map;

/**
 * An expected business outcome the process model decides about, e.g. {@code SUPPLIER_UNKNOWN} or
 * {@code PORTAL_LOGIN_REJECTED}. It becomes a BPMN error with {@link #code()}, caught by an error
 * boundary or event subprocess in the model; uncaught, it becomes an incident. Codes are stable and
 * listed in the worker's element template.
 */
public final class BusinessError extends Exception {
  private final String code;
  private final transient Map<String, Object> variables;

  public BusinessError(String code, String message) {
    this(code, message, Map.of());
  }

  /** With variables made available to the catching event (e.g. the rejected rows). */
  public BusinessError(String code, String message, Map<String, Object> variables) {
    super(message);
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("Expected a non-blank BPMN error code, but got '" + code + "'");
    }
    this.code = code;
    this.variables = Map.copyOf(variables);
  }

  public String code() {
    return code;
  }

  public Map<String, Object> variables() {
    return variables;
  }
}
