package dev.engranaje.cli.lint;

/** Where a rule reports what it found; the linter adds the file, line, rule id and severity. */
@FunctionalInterface
public interface LintReport {

  /**
   * Reports a violation.
   *
   * @param elementId the offending element's id, {@code null} for the whole file
   * @param message "Expected …, but …", naming the element's attribute or extension
   */
  void add(String elementId, String message);

  /** Reports a violation with a {@link String#format} template. */
  default void add(String elementId, String template, Object... arguments) {
    add(elementId, String.format(template, arguments));
  }
}
