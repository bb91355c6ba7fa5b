package dev.engranaje.cli.lint;

import java.util.Objects;

/**
 * One problem found in a model.
 *
 * @param file the model as named on the command line, e.g. {@code bpmn/processes/pay.bpmn}
 * @param line the line of the element's start tag, or 0 when unknown or for the whole file
 * @param elementId the BPMN element's id, or {@code null} for the whole file
 * @param rule the rule's id, e.g. {@code rpa/unknown-job-type}
 * @param severity error or warning
 * @param message what is wrong and what to do, "Expected …, but …"
 */
public record LintFinding(String file, int line, String elementId, String rule, Severity severity, String message) {

  public LintFinding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** One line: {@code file:line element-id rule severity: message}. */
  public String describe() {
    return file + ":" + line + " " + (elementId == null ? "-" : elementId) + " " + rule + " " + severity.label() + ": "
        + message.replace('\n', ' ');
  }
}
