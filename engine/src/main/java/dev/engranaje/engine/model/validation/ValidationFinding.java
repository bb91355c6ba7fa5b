package dev.engranaje.engine.model.validation;

import java.util.Objects;

/**
 * One reason why a deployment resource was rejected.
 *
 * @param resourceName the name of the deployed resource, e.g. {@code process.bpmn}
 * @param elementId the id of the offending BPMN element, or {@code null} when the finding concerns
 *     the whole document (for example malformed XML)
 * @param rule the message, phrased as "Expected &lt;what&gt;, but &lt;what happened&gt;"
 */
public record ValidationFinding(String resourceName, String elementId, String rule) {

  /** Creates a finding; {@code resourceName} and {@code rule} are required. */
  public ValidationFinding {
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * Formats the finding as one line, e.g. {@code process.bpmn: element 'charge': Expected ...}.
   *
   * @return the human-readable line
   */
  public String describe() {
    return elementId == null
        ? resourceName + ": " + rule
        : resourceName + ": element '" + elementId + "': " + rule;
  }
}
