package dev.engranaje.cli.lint;

/**
 * One lint rule: a stable id (what {@code --json} and the docs name), a severity and a check over
 * one parsed model. Implementations are stateless and thread-safe.
 */
public interface LintRule {

  /** The stable id, e.g. {@code camunda-compat/implementation} or {@code rpa/unknown-job-type}. */
  String id();

  Severity severity();

  /** One sentence saying what the rule checks (for {@code rpa lint --rules} and the docs). */
  String summary();

  /**
   * Whether the rule reads {@link LintedModel#model()}; rules that do are skipped for a file that
   * is not readable BPMN (the deployment rule reports why).
   */
  default boolean needsParsedModel() {
    return true;
  }

  /** Reports every violation in {@code model} through {@code report}. */
  void check(LintedModel model, LintReport report);
}
