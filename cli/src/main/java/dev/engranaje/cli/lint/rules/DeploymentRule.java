package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintRule;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import dev.engranaje.engine.model.validation.DeploymentValidator;
import dev.engranaje.engine.model.validation.ValidationFinding;

/**
 * The engine's own deployment validation, unchanged: what {@code rpa deploy} would refuse (XML safety,
 * model limits, the BPMN schema, supported elements and the engine's rules, Zeebe's validators).
 */
public final class DeploymentRule implements LintRule {
  public static final String ID = "deployment";

  /** Built on first use: it loads FEEL, which takes a moment. */
  private static final class Validator {
    static final DeploymentValidator INSTANCE = new DeploymentValidator();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "The embedded engine would refuse to deploy the model (same checks and messages as rpa deploy).";
  }

  @Override
  public boolean needsParsedModel() {
    return false;
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (ValidationFinding finding : Validator.INSTANCE.validate(model.file(), model.content()).findings()) {
      report.add(finding.elementId(), finding.rule());
    }
  }
}
