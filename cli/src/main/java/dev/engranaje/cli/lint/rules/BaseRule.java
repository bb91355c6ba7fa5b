package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintRule;
import dev.engranaje.cli.lint.Severity;
import java.util.Objects;

/** The id, severity and summary every rule carries. */
abstract class BaseRule implements LintRule {
  private final String id;
  private final Severity severity;
  private final String summary;

  BaseRule(String id, Severity severity, String summary) {
    this.id = Objects.requireNonNull(id, "id");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.summary = Objects.requireNonNull(summary, "summary");
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String summary() {
    return summary;
  }
}
