package dev.engranaje.engine.model;

import dev.engranaje.engine.expression.Expression;

/**
 * The {@code zeebe:calledDecision} of a business rule task (spec §4): the decision to evaluate
 * (static or FEEL), which of its versions ({@code bindingType}, default latest), and the variable
 * that receives the result.
 *
 * @param versionTag the version tag to bind to; only with {@link Binding#VERSION_TAG}, else null
 */
public record CalledDecision(Expression decisionId, String resultVariable, Binding binding, String versionTag) {

  /** Which version of the decision a task evaluates. */
  public enum Binding {
    /** The latest deployed version when the task activates. */
    LATEST,
    /** The version deployed together with the task's process version. */
    DEPLOYMENT,
    /** The latest version carrying the task's version tag. */
    VERSION_TAG
  }
}
